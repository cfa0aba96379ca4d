using System.Diagnostics;
using Azure.Data.Tables;
using FunctionsZone.Storage;

namespace FunctionsZone.Bench;

/// <summary>
/// What the Azure Tables SDK does on the same storage when it does nothing else: the ceiling FunctionsZone is
/// measured against, and the naive way (one upsert per value) it must beat.
/// </summary>
public sealed class StorageCeiling(TableClient table, int parallelism)
{
    public const int BatchSize = 100;

    /// <summary>Entity-group transactions of up to 100, every batch of every partition in parallel.</summary>
    public async Task<TimeSpan> WriteAsync(IReadOnlyList<TableEntity> entities, CancellationToken ct)
    {
        await table.CreateIfNotExistsAsync(ct);
        var batches = entities.GroupBy(e => e.PartitionKey).SelectMany(p => p.Chunk(BatchSize)).ToList();
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (batch, token) =>
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
        return sw.Elapsed;
    }

    /// <summary>Every partition read back whole, partitions in parallel; returns the time and the entities read.</summary>
    public async Task<(TimeSpan Elapsed, long Count)> ReadAsync(IEnumerable<string> partitions, CancellationToken ct)
    {
        long count = 0;
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (pk, token) =>
        {
            long n = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), cancellationToken: token)) n++;
            Interlocked.Add(ref count, n);
        });
        return (sw.Elapsed, count);
    }

    /// <summary>
    /// One upsert per value, one after another, as a loop over rows would do it. Stops after the sample or the
    /// time budget, whichever comes first; the caller extrapolates from the rate.
    /// </summary>
    public async Task<(TimeSpan Elapsed, int Written)> NaiveAsync(IReadOnlyList<TableEntity> entities, int sample, TimeSpan budget, CancellationToken ct)
    {
        // Fresh rows (another partition prefix in the same table), so each upsert inserts as the ceiling's did.
        var sw = Stopwatch.StartNew();
        var written = 0;
        foreach (var e in Spread(entities, sample))
        {
            if (sw.Elapsed > budget) break;
            var copy = new TableEntity(e) { PartitionKey = "naive|" + e.PartitionKey };
            await table.UpsertEntityAsync(copy, TableUpdateMode.Replace, ct);
            written++;
        }
        return (sw.Elapsed, written);
    }

    /// <summary>Every k-th entity, up to <paramref name="count"/>: a sample that meets the partitions as the whole would.</summary>
    public static IEnumerable<TableEntity> Spread(IReadOnlyList<TableEntity> entities, int count)
    {
        var step = Math.Max(1, entities.Count / Math.Max(1, count));
        return entities.Where((_, i) => i % step == 0).Take(count);
    }

    /// <summary>The ceiling's parallelism on these clients: the store's, and at least 16.</summary>
    public static int Parallelism(StorageClients clients) => Math.Max(clients.Options.WriteParallelism, 16);

    /// <summary>One entity by partition and row key: what any single read costs on this storage.</summary>
    public async Task<TimeSpan> PointReadAsync(string partitionKey, string rowKey, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        await table.GetEntityAsync<TableEntity>(partitionKey, rowKey, cancellationToken: ct);
        return sw.Elapsed;
    }
}
