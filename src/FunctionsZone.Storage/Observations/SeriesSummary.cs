using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Storage.Observations;

/// <summary>
/// fzSeries: every stored figure of each zone × indicator series, packed for validation (docs/storage.md). PartitionKey one
/// of <see cref="Buckets"/> buckets of zones ("b00" … "b07", by a stable hash of the zone id), RowKey the indicator; LongText
/// "Json" holds one line per zone of the bucket: "zone\tperiod=value,period=value…". An import reads one partition per bucket
/// its zones fall in (eight queries for a file of every zone, whatever its indicators or month), and the write updates the
/// entities it touched, one transaction per bucket, with If-Match (a concurrent import's update is re-read and re-applied,
/// never lost).
/// Partition "!meta": "complete" once the summary holds every stored figure, with the layout it was written in (a summary
/// of another bucket count or layout, or of none: the 64 before the count was written, is rebuilt like an incomplete one);
/// "pending|{importId}" while a write is between its values and its summary. A write lays every figure it was given
/// (unchanged ones too), so the retry of a write cut short repairs its series; a mark older than <see cref="Abandoned"/>
/// (a write that died and was never retried) makes the next read or write rebuild the summary from the stored figures.
/// </summary>
internal sealed class SeriesSummary(StorageClients clients)
{
    // The bucket is the partition, because storage charges per request and per entity: an import of 60 indicators reads
    // 8 partitions and writes 8 transactions of 60 entities (it read 60 and wrote 60 of 16 when the indicator was the
    // partition). A national bucket of 12 months is ~50 KB (338 zones), far from an entity's 1 MB; a transaction is
    // cut below 100 entities and 4 MB (Chunks).
    public const int Buckets = 8;
    private const string Meta = "!meta";
    private const string Complete = "complete";
    private const string BucketCount = "Buckets";
    // The layout's name in the complete mark: "bucket|indicator" (PartitionKey|RowKey); a mark without it is of the
    // layout before, indicator|bucket, and is rebuilt.
    private const string LayoutName = "Layout";
    private const string Layout = "bucket|indicator";
    private static TableEntity CompleteMark() => new(Meta, Complete) { [BucketCount] = Buckets, [LayoutName] = Layout };
    private static bool IsComplete(TableEntity mark) =>
        mark.RowKey == Complete && mark.GetInt32(BucketCount) == Buckets && mark.GetString(LayoutName) == Layout;
    private TableClient Table => clients.Table("Series");
    /// <summary>
    /// The bucket partitions the last <see cref="ReadAsync"/> read (an import's validation), with their ETags, for that
    /// import's write to start from instead of reading them again: half an import's reads. A partition changed since
    /// fails the write's If-Match (412), or its Add (409), or its bucket is gone (404), and is read again as before.
    /// Each read replaces the lot, so it holds one import's partitions at most.
    /// </summary>
    private volatile Dictionary<string, Dictionary<string, TableEntity>> _lastRead = new(StringComparer.Ordinal);
    /// <summary>A write takes seconds; a pending mark this old belongs to one that died.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(15);

    public static string Bucket(string zone)
    {
        // FNV-1a over the UTF-8 bytes: stable across processes and releases (string.GetHashCode is not).
        var h = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(zone)) { h ^= b; h *= 16777619u; }
        return $"b{h % Buckets:D2}";
    }

    /// <summary>Marks a write in progress; returns the mark to clear after <see cref="ApplyAsync"/>.</summary>
    public async Task<string> BeginAsync(string importId, Func<Task<IReadOnlyList<Observation>>> all, CancellationToken ct)
    {
        await EnsureCompleteAsync(all, ct);
        var key = $"pending|{importId}";
        await Table.UpsertEntityAsync(new TableEntity(Meta, key), TableUpdateMode.Replace, ct);
        return key;
    }

    public async Task EndAsync(string mark, CancellationToken ct)
    {
        try { await Table.DeleteEntityAsync(Meta, mark, ETag.All, ct); }
        catch (RequestFailedException e) when (e.Status == 404) { } // cleared by a rebuild meanwhile
    }

    /// <summary>The written figures laid into their series (a figure without a value leaves it), bucket by bucket with If-Match.</summary>
    public async Task ApplyAsync(IReadOnlyList<Observation> changed, CancellationToken ct)
    {
        var byBucket = changed.GroupBy(o => Bucket(o.Zone), StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(byBucket, new ParallelOptions { MaxDegreeOfParallelism = clients.Options.WriteParallelism, CancellationToken = ct },
            async (g, token) => await ApplyBucketAsync(g.Key, g.ToList(), token));
    }

    private async Task ApplyBucketAsync(string bucket, List<Observation> changed, CancellationToken ct)
    {
        var byIndicator = changed.GroupBy(o => o.Indicator, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            var seen = attempt == 0 ? TakeLastRead(bucket) : null;
            var stored = seen ?? await ReadPartitionAsync(bucket, null, ct);
            var actions = new List<TableTransactionAction>();
            var guards = new List<TableTransactionAction>();
            var unsure = false;
            foreach (var (indicator, rows) in byIndicator)
            {
                var had = stored.TryGetValue(indicator, out var entity);
                var text = had ? LongText.Read(entity!) : "";
                var lines = Decode(text);
                foreach (var o in rows) Lay(lines, o);
                var encoded = Encode(lines);
                if (encoded == text)
                {
                    // Nothing new in this series entity as it was read. Read by validation, it may have changed since: one
                    // that was there goes in the batch as an empty merge with If-Match, so the batch fails if it changed;
                    // one that was not there may have been added since, so the partition is read again.
                    if (seen is not null && had) guards.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(bucket, indicator), entity!.ETag));
                    else if (seen is not null) unsure = true;
                    continue;
                }
                var next = new TableEntity(bucket, indicator);
                LongText.Write(next, encoded);
                actions.Add(had ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, entity!.ETag)
                                : new TableTransactionAction(TableTransactionActionType.Add, next));
            }
            // Every entity unchanged (a re-import of the same figures), or one unsure: decided on a fresh read.
            if (seen is not null && (unsure || actions.Count == 0)) continue;
            if (actions.Count == 0) return;
            actions.AddRange(guards);
            try
            {
                // Each entity carries its own If-Match, so a bucket cut into several transactions is as safe as one: a
                // failed one is read again and re-applied, and what an earlier one wrote is simply laid again.
                foreach (var chunk in Chunks(actions)) await Table.SubmitTransactionAsync(chunk, ct);
                return;
            }
            // 412: an entity changed since it was read; 409: another import added it first; 404: a rebuild removed it.
            // Read again and re-apply.
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < 8) { }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && attempt < 8) { }
        }
    }

    // An entity-group transaction holds at most 100 entities and 4 MiB; a series entity is text, counted at 2 bytes a character.
    private const long TransactionBytes = 3L * 1024 * 1024;
    internal static IEnumerable<List<TableTransactionAction>> Chunks(IEnumerable<TableTransactionAction> actions)
    {
        var chunk = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var a in actions)
        {
            var size = 512 + 2L * ((a.Entity as TableEntity)?.Sum(p => (p.Value as string)?.Length ?? 8) ?? 0);
            if (chunk.Count > 0 && (chunk.Count == 100 || bytes + size > TransactionBytes)) { yield return chunk; chunk = []; bytes = 0; }
            chunk.Add(a);
            bytes += size;
        }
        if (chunk.Count > 0) yield return chunk;
    }

    /// <summary>The series' figures (with a value); an incomplete summary is rebuilt from <paramref name="all"/> first.</summary>
    public async Task<IReadOnlyList<Observation>> ReadAsync(IReadOnlyCollection<(string Zone, string Indicator)> series,
        Func<Task<IReadOnlyList<Observation>>> all, CancellationToken ct)
    {
        var rebuilt = await EnsureCompleteAsync(all, ct, write: false);
        var wanted = series.ToHashSet();
        if (rebuilt is not null) return rebuilt.Where(o => o.Value is not null && wanted.Contains((o.Zone, o.Indicator))).ToList();
        var indicators = wanted.Select(s => s.Indicator).ToHashSet(StringComparer.Ordinal);
        var buckets = wanted.Select(s => Bucket(s.Zone)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lists = new List<Observation>[buckets.Count];
        var read = new Dictionary<string, TableEntity>[buckets.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, buckets.Count), new ParallelOptions { MaxDegreeOfParallelism = clients.Options.WriteParallelism, CancellationToken = ct },
            async (i, token) =>
            {
                var list = new List<Observation>();
                read[i] = await ReadPartitionAsync(buckets[i], indicators, token);
                var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
                foreach (var e in read[i].Values)
                    if (indicators.Contains(e.RowKey)) ReadWanted(LongText.Read(e), e.RowKey, wanted, periods, list);
                lists[i] = list;
            });
        _lastRead = buckets.Select((x, i) => (x, read[i])).ToDictionary(p => p.x, p => p.Item2, StringComparer.Ordinal);
        return lists.SelectMany(l => l).ToList();
    }

    /// <summary>
    /// The wanted zones' figures of one entity, straight from its text: validation reads a year of every series of a
    /// file (~200,000 figures in month 12 of a medium year) while the storage waits, so no line is split into collections.
    /// </summary>
    private static void ReadWanted(string text, string indicator, HashSet<(string Zone, string Indicator)> wanted, Dictionary<string, Period> periods, List<Observation> into)
    {
        var byText = periods.GetAlternateLookup<ReadOnlySpan<char>>();
        var rest = text.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOf('\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? default : rest[(end + 1)..];
            var tab = line.IndexOf('\t');
            if (tab <= 0) continue;
            var zone = line[..tab].ToString();
            if (!wanted.Contains((zone, indicator))) continue;
            foreach (var range in line[(tab + 1)..].Split(','))
            {
                var pair = line[(tab + 1)..][range];
                var eq = pair.IndexOf('=');
                if (eq <= 0) continue;
                if (!byText.TryGetValue(pair[..eq], out var period)) periods[pair[..eq].ToString()] = period = Period.Parse(pair[..eq].ToString());
                into.Add(new Observation { Zone = zone, Indicator = indicator, Period = period, Value = decimal.Parse(pair[(eq + 1)..], CultureInfo.InvariantCulture) });
            }
        }
    }

    /// <summary>
    /// Null when the summary is complete and no write was cut short; otherwise every stored figure (read through
    /// <paramref name="all"/>), written into the summary, with the marks that were seen cleared.
    /// </summary>
    private async Task<IReadOnlyList<Observation>?> EnsureCompleteAsync(Func<Task<IReadOnlyList<Observation>>> all, CancellationToken ct, bool write = true)
    {
        var marks = new List<TableEntity>();
        try
        {
            await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == Meta, cancellationToken: ct)) marks.Add(e);
        }
        // Never written (a dry run before the first import): a read creates nothing, and answers from the stored figures.
        catch (RequestFailedException e) when (StorageClients.IsMissing(e) && !write) { return await all(); }
        catch (RequestFailedException e) when (StorageClients.IsMissing(e)) { }
        if (write) await clients.EnsureCreatedAsync(ct);
        var pending = marks.Where(m => m.RowKey != Complete && m.Timestamp is { } t && DateTimeOffset.UtcNow - t > Abandoned).ToList();
        if (marks.Any(IsComplete) && pending.Count == 0) return null;
        var figures = await all();
        if (!write)
        {
            if (figures.Count > 0 || pending.Count > 0) return figures; // the next write rebuilds the summary
            // Nothing stored yet (the first import): the empty summary is complete, and is read as any other month's.
            await Table.UpsertEntityAsync(CompleteMark(), TableUpdateMode.Replace, ct);
            return null;
        }
        var entities = figures.Where(o => o.Value is not null).GroupBy(o => (Bucket(o.Zone), o.Indicator)).Select(g =>
        {
            var lines = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var o in g) Lay(lines, o);
            var e = new TableEntity(g.Key.Item1, g.Key.Indicator);
            LongText.Write(e, Encode(lines));
            return e;
        }).ToDictionary(e => (e.PartitionKey, e.RowKey));
        var actions = new List<TableTransactionAction>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey != Meta, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            if (!entities.ContainsKey((e.PartitionKey, e.RowKey)))
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(e.PartitionKey, e.RowKey), ETag.All));
        actions.AddRange(entities.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
        var batches = actions.GroupBy(a => a.Entity.PartitionKey).SelectMany(p => Chunks(p)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = clients.Options.WriteParallelism, CancellationToken = ct },
            async (chunk, token) => await Table.SubmitTransactionAsync(chunk, token));
        await Table.UpsertEntityAsync(CompleteMark(), TableUpdateMode.Replace, ct);
        _lastRead = new(StringComparer.Ordinal); // every bucket was rewritten: what validation read is stale
        // Only the marks read before the rebuild: a write that began since keeps its mark, and the next read rebuilds again.
        foreach (var m in pending)
        {
            try { await Table.DeleteEntityAsync(Meta, m.RowKey, m.ETag, ct); }
            catch (RequestFailedException e) when (e.Status is 404 or 412) { }
        }
        return figures;
    }

    /// <summary>The partition as the last read saw it, once: a retry reads it again.</summary>
    private Dictionary<string, TableEntity>? TakeLastRead(string bucket)
    {
        var last = _lastRead;
        lock (last) return last.Remove(bucket, out var seen) ? seen : null;
    }

    /// <summary>A bucket's series entities by indicator; with a few <paramref name="indicators"/> (a correction), only theirs.</summary>
    private async Task<Dictionary<string, TableEntity>> ReadPartitionAsync(string bucket, IReadOnlyCollection<string>? indicators, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {bucket}");
        if (indicators is { Count: > 0 and <= 10 })
            filter += " and (" + string.Join(" or ", indicators.Order(StringComparer.Ordinal).Select(i => TableClient.CreateQueryFilter($"RowKey eq {i}"))) + ")";
        var map = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) map[e.RowKey] = e;
        return map;
    }

    private static void Lay(SortedDictionary<string, SortedDictionary<string, string>> lines, Observation o)
    {
        if (!lines.TryGetValue(o.Zone, out var periods)) lines[o.Zone] = periods = new(StringComparer.Ordinal);
        var p = o.Period.ToString();
        if (o.Value is { } v) periods[p] = v.ToString(CultureInfo.InvariantCulture);
        else periods.Remove(p);
        if (periods.Count == 0) lines.Remove(o.Zone);
    }

    internal static string Encode(SortedDictionary<string, SortedDictionary<string, string>> lines)
    {
        var sb = new StringBuilder();
        foreach (var (zone, periods) in lines)
        {
            sb.Append(zone).Append('\t');
            var first = true;
            foreach (var (p, v) in periods) { if (!first) sb.Append(','); sb.Append(p).Append('=').Append(v); first = false; }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    internal static SortedDictionary<string, SortedDictionary<string, string>> Decode(string text)
    {
        var lines = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t');
            var periods = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in line[(tab + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                periods[pair[..eq]] = pair[(eq + 1)..];
            }
            lines[line[..tab]] = periods;
        }
        return lines;
    }
}
