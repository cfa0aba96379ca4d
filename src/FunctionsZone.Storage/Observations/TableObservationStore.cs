using Azure;
using Azure.Data.Tables;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Storage.Observations;

/// <summary>Observations in Table Storage, written in entity-group transactions of up to 100 per partition.</summary>
public sealed class TableObservationStore(StorageClients clients) : IObservationStore
{
    public const int BatchSize = 100;
    private TableClient Table => clients.Table("Observations");
    private TableClient Periods => clients.Table("Periods");

    public async Task<WriteCounts> WriteAsync(IReadOnlyList<Observation> observations, string importId, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        int imported = 0, updated = 0, unchanged = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = clients.Options.WriteParallelism, CancellationToken = ct };
        var periods = observations.Select(o => o.Period.ToString()).Distinct(StringComparer.Ordinal).ToList();
        // A period never listed has no partition yet: its rows are all new, and reading its partitions first
        // (one query each, which Azurite answers by scanning the whole table) would only find them empty.
        var known = await KnownPeriodsAsync(periods, ct);
        // Listed before its rows are written: a write cut short leaves the period listed, so the next write
        // of it reads its partitions and counts what is already there as unchanged or updated.
        foreach (var chunk in periods.Where(p => !known.Contains(p)).Chunk(BatchSize))
        {
            await Periods.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity("period", p))), ct);
        }

        var partitions = observations.GroupBy(o => ObservationEntity.PartitionKey(o.Period, o.Indicator)).ToList();
        var changedByPartition = new List<Observation>[partitions.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, partitions.Count), parallel, async (i, token) =>
        {
            var partition = partitions[i];
            var isNew = !known.Contains(partition.First().Period.ToString());
            var existing = isNew ? null : await ReadPartitionAsync(partition.Key, token);
            var changed = new List<Observation>();
            foreach (var o in partition)
            {
                if (existing is null || !existing.TryGetValue(o.Zone, out var old)) { Interlocked.Increment(ref imported); changed.Add(o); }
                else if (!ObservationEntity.SameFigure(old, o)) { Interlocked.Increment(ref updated); changed.Add(o); }
                else Interlocked.Increment(ref unchanged);
            }
            changedByPartition[i] = changed;
        });
        // Every batch of every partition in flight together, up to WriteParallelism: a partition of 300 zones
        // is three batches, and they need not wait for each other.
        var batches = changedByPartition.SelectMany(c => c.Chunk(BatchSize)).ToList();
        await Parallel.ForEachAsync(batches, parallel, async (chunk, token) =>
        {
            var actions = chunk.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ObservationEntity.ToEntity(o)));
            await Table.SubmitTransactionAsync(actions, token);
        });
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

    // Split points inside "{period}|…": a period's partitions are read as these key ranges side by side, not as one
    // query paged 1,000 entities at a time (a national month is 60 partitions of 2,700 zones each).
    private static readonly string[] RangeSplits = ["0", "b", "d", "f", "h", "j", "m", "o", "q", "s", "u", "w"];

    public async Task<IReadOnlyList<Observation>> ReadPeriodsAsync(IEnumerable<Period> periods, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        // Every partition of the period: "{period}|" up to "{period}}" ('}' sorts just after '|'), cut into ranges.
        var ranges = periods.Distinct().SelectMany(p =>
        {
            var bounds = new List<string> { $"{p}|" };
            bounds.AddRange(RangeSplits.Select(c => $"{p}|{c}"));
            bounds.Add($"{p}}}");
            return bounds.Zip(bounds.Skip(1));
        }).ToList();
        var lists = new List<Observation>[ranges.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, ranges.Count),
            new ParallelOptions { MaxDegreeOfParallelism = clients.Options.WriteParallelism, CancellationToken = ct }, async (i, token) =>
            {
                var (from, to) = ranges[i];
                var list = new List<Observation>();
                await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), cancellationToken: token))
                    list.Add(ObservationEntity.FromEntity(e));
                lists[i] = list;
            });
        return lists.SelectMany(l => l).ToList();
    }

    public async Task<IReadOnlyList<Period>> ListPeriodsAsync(CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var list = new List<Period>();
        await foreach (var e in Periods.QueryAsync<TableEntity>(e => e.PartitionKey == "period", select: ["RowKey"], cancellationToken: ct))
        {
            if (Period.TryParse(e.RowKey, out var p)) list.Add(p);
        }
        return list.Order().ToList();
    }
}
