using Azure;
using Azure.Data.Tables;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage.History;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Storage.Observations;

/// <summary>Observations in Table Storage, written in entity-group transactions of up to 100 per partition.</summary>
public sealed class TableObservationStore(StorageClients clients, IPipelineHook? hook = null) : IObservationStore
{
    private readonly IPipelineHook _hook = hook ?? PipelineHook.None;
    public const int BatchSize = 100;
    private TableClient Table => clients.Table("Observations");
    private TableClient Periods => clients.Table("Periods");
    private TableClient History => clients.Table("History");
    private readonly SeriesSummary _series = new(clients);
    private const string PartitionsListed = "PartitionsListed";
    private static string PartitionListKey(string period) => $"partitions|{period}";

    public async Task<WriteCounts> WriteAsync(IReadOnlyList<Observation> observations, string importId, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        // The summary's pending mark before anything, cleared once the summary has the figures (SeriesSummary).
        var pending = await _series.BeginAsync(importId, AllAsync, ct);
        int imported = 0, updated = 0, unchanged = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = clients.Options.WriteParallelism, CancellationToken = ct };
        var periods = observations.Select(o => o.Period.ToString()).Distinct(StringComparer.Ordinal).ToList();
        // A period never listed has no partition yet: its rows are all new, and reading its partitions first
        // (one query each, which Azurite answers by scanning the whole table) would only find them empty.
        var known = await KnownPeriodsAsync(periods, ct);
        // Listed before its rows are written: a write cut short leaves the period listed, so the next write
        // of it reads its partitions and counts what is already there as unchanged or updated.
        // Each period's partitions are listed too ("partitions|{period}", one row per indicator), before their rows,
        // so a read of the period can ask each partition directly, in parallel, as the ceiling does.
        foreach (var period in observations.Select(o => (Period: o.Period.ToString(), o.Indicator)).Distinct().GroupBy(x => x.Period))
        foreach (var chunk in period.Select(x => x.Indicator).Chunk(BatchSize))
        {
            await Periods.SubmitTransactionAsync(chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(PartitionListKey(period.Key), i))), ct);
        }
        foreach (var chunk in periods.Where(p => !known.Contains(p)).Chunk(BatchSize))
        {
            // PartitionsListed: every partition of this period was written since partitions were listed, so the list is whole.
            await Periods.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity("period", p) { [PartitionsListed] = true })), ct);
        }

        var partitions = observations.GroupBy(o => ObservationEntity.PartitionKey(o.Period, o.Indicator)).ToList();
        var changedByPartition = new List<Observation>[partitions.Count];
        var replacedByPartition = new List<(Observation Old, Observation New)>[partitions.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, partitions.Count), parallel, async (i, token) =>
        {
            var partition = partitions[i];
            var isNew = !known.Contains(partition.First().Period.ToString());
            var existing = isNew ? null : await ReadPartitionAsync(partition.Key, token);
            var changed = new List<Observation>();
            var replaced = new List<(Observation Old, Observation New)>();
            foreach (var row in partition)
            {
                var old = existing?.GetValueOrDefault(row.Zone);
                // The dry run counts by the same rule (ObservationChange): a blank 同比 keeps the stored one.
                var (kind, o) = ObservationChange.Of(old, row);
                switch (kind)
                {
                    case ChangeKind.New: Interlocked.Increment(ref imported); changed.Add(o); break;
                    case ChangeKind.Updated: Interlocked.Increment(ref updated); changed.Add(o); replaced.Add((old!, o)); break;
                    default: Interlocked.Increment(ref unchanged); break;
                }
            }
            changedByPartition[i] = changed;
            replacedByPartition[i] = replaced;
        });
        // History before the values: a crash in between leaves an audit row for a change a retry makes again
        // (same RowKey, so one row), never a changed value without its audit row.
        var now = DateTimeOffset.UtcNow;
        var history = replacedByPartition.SelectMany(r => r).Select(p => HistoryEntity.ToEntity(p.Old, p.New, now)).ToList();
        await Parallel.ForEachAsync(history, parallel, async (h, token) => await History.UpsertEntityAsync(h, TableUpdateMode.Replace, token));
        // Every batch of every partition in flight together, up to WriteParallelism: a partition of 300 zones
        // is three batches, and they need not wait for each other.
        var batches = changedByPartition.SelectMany(c => c.Chunk(BatchSize)).ToList();
        await Parallel.ForEachAsync(batches, parallel, async (chunk, token) =>
        {
            var actions = chunk.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ObservationEntity.ToEntity(o)));
            await Table.SubmitTransactionAsync(actions, token);
            await _hook.AtAsync(PipelineHook.IngestBatchWritten, token);
        });
        // Every figure given, unchanged ones too: the retry of a write cut short lays what the first try did not.
        await _series.ApplyAsync(observations, ct);
        await _series.EndAsync(pending, ct);
        return new WriteCounts(imported, updated, unchanged);
    }

    private async Task<HashSet<string>> KnownPeriodsAsync(IReadOnlyList<string> periods, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in periods)
        {
            var hit = await Periods.GetEntityIfExistsAsync<TableEntity>("period", p, ["RowKey"], ct);
            if (hit.HasValue) known.Add(p);
        }
        return known;
    }

    private async Task<Dictionary<string, Observation>> ReadPartitionAsync(string partitionKey, CancellationToken ct)
    {
        var map = new Dictionary<string, Observation>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partitionKey, cancellationToken: ct))
            map[e.RowKey] = ObservationEntity.FromEntity(e);
        return map;
    }

    // Split points inside "{period}|…" for periods whose partitions are not listed: key ranges read side by side
    // rather than one query paged 1,000 entities at a time.
    private static readonly string[] RangeSplits = ["0", "b", "d", "f", "h", "j", "m", "o", "q", "s", "u", "w"];

    public async Task<IReadOnlyList<Observation>> ReadPeriodsAsync(IEnumerable<Period> periods, CancellationToken ct = default)
    {
        try { return await ReadPeriodsCoreAsync(periods, ct); }
        catch (RequestFailedException e) when (StorageClients.IsMissing(e)) { return []; }
    }

    private async Task<IReadOnlyList<Observation>> ReadPeriodsCoreAsync(IEnumerable<Period> periods, CancellationToken ct)
    {
        var filters = new List<string>();
        foreach (var p in periods.Distinct())
        {
            var row = await Periods.GetEntityIfExistsAsync<TableEntity>("period", p.ToString(), cancellationToken: ct);
            if (row.HasValue && row.Value!.GetBoolean(PartitionsListed) == true)
            {
                // The period's partitions are known: one query each, side by side (a national month: 60 of 2,700 rows).
                await foreach (var e in Periods.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {PartitionListKey(p.ToString())}"), select: ["RowKey"], cancellationToken: ct))
                    filters.Add(TableClient.CreateQueryFilter($"PartitionKey eq {ObservationEntity.PartitionKey(p, e.RowKey)}"));
                continue;
            }
            // Written before partitions were listed: every partition of the period, "{period}|" up to "{period}}"
            // ('}' sorts just after '|'), cut into key ranges read side by side.
            var bounds = new List<string> { $"{p}|" };
            bounds.AddRange(RangeSplits.Select(c => $"{p}|{c}"));
            bounds.Add($"{p}}}");
            filters.AddRange(bounds.Zip(bounds.Skip(1)).Select(r => TableClient.CreateQueryFilter($"PartitionKey ge {r.First} and PartitionKey lt {r.Second}")));
        }
        var lists = new List<Observation>[filters.Count];
        var shared = new SharedStrings();
        await Parallel.ForEachAsync(Enumerable.Range(0, filters.Count),
            new ParallelOptions { MaxDegreeOfParallelism = clients.Options.WriteParallelism, CancellationToken = ct }, async (i, token) =>
            {
                var list = new List<Observation>();
                await foreach (var e in Table.QueryAsync<TableEntity>(filters[i], cancellationToken: token))
                    list.Add(ObservationEntity.FromEntity(e, shared));
                lists[i] = list;
            });
        return lists.SelectMany(l => l).ToList();
    }

    public async Task<IReadOnlyList<Observation>?> ReadSeriesAsync(IReadOnlyCollection<(string Zone, string Indicator)> series, CancellationToken ct = default) =>
        await _series.ReadAsync(series, AllAsync, ct);

    // Every stored figure: what a rebuild of the summary reads (once, or after a write died).
    private async Task<IReadOnlyList<Observation>> AllAsync() => await ReadPeriodsAsync(await ListPeriodsAsync());

    public async Task<IReadOnlyList<Period>> ListPeriodsAsync(CancellationToken ct = default)
    {
        var list = new List<Period>();
        try
        {
            await foreach (var e in Periods.QueryAsync<TableEntity>(e => e.PartitionKey == "period", select: ["RowKey"], cancellationToken: ct))
            {
                if (Period.TryParse(e.RowKey, out var p)) list.Add(p);
            }
        }
        catch (RequestFailedException e) when (StorageClients.IsMissing(e)) { return []; }
        return list.Order().ToList();
    }
}
