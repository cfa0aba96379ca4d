using Azure;
using Azure.Data.Tables;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage.History;

namespace FunctionsZone.Storage.Observations;

/// <summary>Observations in Table Storage, written in entity-group transactions of up to 100 per partition.</summary>
public sealed class TableObservationStore(StorageClients clients) : IObservationStore
{
    public const int BatchSize = 100;
    private TableClient Table => clients.Table("Observations");
    private TableClient Periods => clients.Table("Periods");
    private TableClient History => clients.Table("History");

    public async Task<WriteCounts> WriteAsync(IReadOnlyList<Observation> observations, string importId, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        int imported = 0, updated = 0, unchanged = 0;
        var partitions = observations.GroupBy(o => ObservationEntity.PartitionKey(o.Period, o.Indicator)).ToList();
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = clients.Options.WriteParallelism, CancellationToken = ct }, async (partition, token) =>
        {
            var existing = await ReadPartitionAsync(partition.Key, token);
            var changed = new List<Observation>();
            var replaced = new List<(Observation Old, Observation New)>();
            foreach (var o in partition)
            {
                if (!existing.TryGetValue(o.Zone, out var old)) { Interlocked.Increment(ref imported); changed.Add(o); }
                else if (!ObservationEntity.SameFigure(old, o)) { Interlocked.Increment(ref updated); changed.Add(o); replaced.Add((old, o)); }
                else Interlocked.Increment(ref unchanged);
            }
            var now = DateTimeOffset.UtcNow;
            var history = replaced.ToDictionary(p => p.New.Zone, p => HistoryEntity.ToEntity(p.Old, p.New, now));
            foreach (var chunk in changed.Chunk(BatchSize))
            {
                // History before the value: a crash in between leaves an audit row for a change a retry makes
                // again (same RowKey, so one row), never a changed value without its audit row.
                foreach (var h in chunk.Where(o => history.ContainsKey(o.Zone)).Select(o => history[o.Zone]))
                    await History.UpsertEntityAsync(h, TableUpdateMode.Replace, token);
                var actions = chunk.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ObservationEntity.ToEntity(o)));
                await Table.SubmitTransactionAsync(actions, token);
            }
        });
        var periods = observations.Select(o => o.Period.ToString()).Distinct().ToList();
        foreach (var chunk in periods.Chunk(BatchSize))
        {
            await Periods.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity("period", p))), ct);
        }
        return new WriteCounts(imported, updated, unchanged);
    }

    private async Task<Dictionary<string, Observation>> ReadPartitionAsync(string partitionKey, CancellationToken ct)
    {
        var map = new Dictionary<string, Observation>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partitionKey, cancellationToken: ct))
            map[e.RowKey] = ObservationEntity.FromEntity(e);
        return map;
    }

    public async Task<IReadOnlyList<Observation>> ReadPeriodsAsync(IEnumerable<Period> periods, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var lists = await Task.WhenAll(periods.Distinct().Select(async p =>
        {
            // Every partition of the period: "{period}|" up to "{period}}" ('}' sorts just after '|').
            var from = $"{p}|";
            var to = $"{p}}}";
            var list = new List<Observation>();
            await foreach (var e in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), cancellationToken: ct))
                list.Add(ObservationEntity.FromEntity(e));
            return list;
        }));
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
