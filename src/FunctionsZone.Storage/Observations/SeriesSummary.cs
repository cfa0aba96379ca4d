using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Storage.Observations;

/// <summary>
/// fzSeries: every stored figure of each zone × indicator series, packed for validation (docs/storage.md). PartitionKey the
/// indicator, RowKey one of 16 buckets of zones ("b00" … "b15", by a stable hash of the zone id); LongText "Json" holds one
/// line per zone: "zone\tperiod=value,period=value…". An import reads one partition per indicator of its file (one query page
/// of ≤ 16 entities), whatever the month, and the write updates the buckets it touched, with If-Match (a concurrent import's
/// update is re-read and re-applied, never lost).
/// Partition "!meta": "complete" once the summary holds every stored figure, with the bucket count it was laid out in (a
/// summary of another count, or of none: the 64 before the count was written, is rebuilt like an incomplete one);
/// "pending|{importId}" while a write is between its values and its summary. A write lays every figure it was given
/// (unchanged ones too), so the retry of a write cut short repairs its series; a mark older than <see cref="Abandoned"/>
/// (a write that died and was never retried) makes the next read or write rebuild the summary from the stored figures.
/// </summary>
internal sealed class SeriesSummary(StorageClients clients)
{
    // Few buckets, because the emulator and the service charge per entity: a file of 60 indicators writes 60 × 16
    // entities beside its values (960, not the 3,840 of 64 buckets). A national bucket of 12 months is still ~80 KB
    // (169 zones), far from an entity's 1 MB.
    public const int Buckets = 16;
    private const string Meta = "!meta";
    private const string Complete = "complete";
    private const string BucketCount = "Buckets";
    private static TableEntity CompleteMark() => new(Meta, Complete) { [BucketCount] = Buckets };
    private static bool IsComplete(TableEntity mark) => mark.RowKey == Complete && mark.GetInt32(BucketCount) == Buckets;
    private TableClient Table => clients.Table("Series");
    /// <summary>
    /// The partitions the last <see cref="ReadAsync"/> read (an import's validation), with their ETags, for that
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
        var byIndicator = changed.GroupBy(o => o.Indicator, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(byIndicator, new ParallelOptions { MaxDegreeOfParallelism = clients.Options.WriteParallelism, CancellationToken = ct },
            async (g, token) => await ApplyIndicatorAsync(g.Key, g.ToList(), token));
    }

    private async Task ApplyIndicatorAsync(string indicator, List<Observation> changed, CancellationToken ct)
    {
        var buckets = changed.GroupBy(o => Bucket(o.Zone)).ToDictionary(g => g.Key, g => g.ToList());
        for (var attempt = 0; ; attempt++)
        {
            var seen = attempt == 0 ? TakeLastRead(indicator) : null;
            var stored = seen ?? await ReadPartitionAsync(indicator, ct);
            var actions = new List<TableTransactionAction>();
            var guards = new List<TableTransactionAction>();
            var unsure = false;
            foreach (var (bucket, rows) in buckets)
            {
                var had = stored.TryGetValue(bucket, out var entity);
                var text = had ? LongText.Read(entity!) : "";
                var lines = Decode(text);
                foreach (var o in rows) Lay(lines, o);
                var encoded = Encode(lines);
                if (encoded == text)
                {
                    // Nothing new in this bucket as it was read. Read by validation, it may have changed since: a bucket
                    // that was there goes in the batch as an empty merge with If-Match, so the batch fails if it changed;
                    // one that was not there may have been added since, so the partition is read again.
                    if (seen is not null && had) guards.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(indicator, bucket), entity!.ETag));
                    else if (seen is not null) unsure = true;
                    continue;
                }
                var next = new TableEntity(indicator, bucket);
                LongText.Write(next, encoded);
                actions.Add(had ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, next, entity!.ETag)
                                : new TableTransactionAction(TableTransactionActionType.Add, next));
            }
            // Every bucket unchanged (a re-import of the same figures), or one unsure: decided on a fresh read.
            if (seen is not null && (unsure || actions.Count == 0)) continue;
            if (actions.Count == 0) return;
            actions.AddRange(guards);
            try { await Table.SubmitTransactionAsync(actions, ct); return; }
            // 412: a bucket changed since it was read; 409: another import added it first; 404: a rebuild removed it.
            // Read again and re-apply.
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412 && attempt < 8) { }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && attempt < 8) { }
        }
    }

    /// <summary>The series' figures (with a value); an incomplete summary is rebuilt from <paramref name="all"/> first.</summary>
    public async Task<IReadOnlyList<Observation>> ReadAsync(IReadOnlyCollection<(string Zone, string Indicator)> series,
        Func<Task<IReadOnlyList<Observation>>> all, CancellationToken ct)
    {
        var rebuilt = await EnsureCompleteAsync(all, ct, write: false);
        var wanted = series.ToHashSet();
        if (rebuilt is not null) return rebuilt.Where(o => o.Value is not null && wanted.Contains((o.Zone, o.Indicator))).ToList();
        var indicators = wanted.Select(s => s.Indicator).Distinct(StringComparer.Ordinal).ToList();
        var lists = new List<Observation>[indicators.Count];
        var read = new Dictionary<string, TableEntity>[indicators.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, indicators.Count), new ParallelOptions { MaxDegreeOfParallelism = clients.Options.WriteParallelism, CancellationToken = ct },
            async (i, token) =>
            {
                var list = new List<Observation>();
                read[i] = await ReadPartitionAsync(indicators[i], token);
                foreach (var e in read[i].Values)
                foreach (var (zone, periods) in Decode(LongText.Read(e)))
                {
                    if (!wanted.Contains((zone, indicators[i]))) continue;
                    foreach (var (p, v) in periods)
                        list.Add(new Observation { Zone = zone, Indicator = indicators[i], Period = Period.Parse(p), Value = decimal.Parse(v, CultureInfo.InvariantCulture) });
                }
                lists[i] = list;
            });
        _lastRead = indicators.Select((x, i) => (x, read[i])).ToDictionary(p => p.x, p => p.Item2, StringComparer.Ordinal);
        return lists.SelectMany(l => l).ToList();
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
        var entities = figures.Where(o => o.Value is not null).GroupBy(o => (o.Indicator, Bucket(o.Zone))).Select(g =>
        {
            var lines = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var o in g) Lay(lines, o);
            var e = new TableEntity(g.Key.Indicator, g.Key.Item2);
            LongText.Write(e, Encode(lines));
            return e;
        }).ToDictionary(e => (e.PartitionKey, e.RowKey));
        var actions = new List<TableTransactionAction>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey != Meta, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            if (!entities.ContainsKey((e.PartitionKey, e.RowKey)))
                actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(e.PartitionKey, e.RowKey), ETag.All));
        actions.AddRange(entities.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)));
        var batches = actions.GroupBy(a => a.Entity.PartitionKey).SelectMany(p => p.Chunk(100)).ToList();
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
    private Dictionary<string, TableEntity>? TakeLastRead(string indicator)
    {
        var last = _lastRead;
        lock (last) return last.Remove(indicator, out var seen) ? seen : null;
    }

    private async Task<Dictionary<string, TableEntity>> ReadPartitionAsync(string indicator, CancellationToken ct)
    {
        var map = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == indicator, cancellationToken: ct)) map[e.RowKey] = e;
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
