using System.Text.Json;
using Azure.Data.Tables;
using FunctionsZone.Core;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Storage.References;

/// <summary>
/// Small reference sets kept one JSON document per entity (registry entries, targets, official ranks):
/// read whole, replaced whole, so a table holds exactly the set last imported for its partitions.
/// </summary>
internal sealed class JsonEntitySet<T>(TableClient table, Func<T, string> partitionKey, Func<T, string> rowKey)
{
    public int Parallelism { get; init; } = 16;

    /// <param name="partition">The one partition the set lives in (zones, groups, indicators share a table): only it is read.</param>
    public async Task<WriteCounts> ReplaceAsync(IReadOnlyList<T> items, bool removeOthersInPartitions, CancellationToken ct, string? partition = null)
    {
        var existing = new Dictionary<(string, string), string>();
        var query = partition is null ? table.QueryAsync<TableEntity>(cancellationToken: ct) : table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct);
        await foreach (var e in query)
            existing[(e.PartitionKey, e.RowKey)] = e.GetString("Json");
        int imported = 0, updated = 0, unchanged = 0;
        var actions = new List<TableTransactionAction>();
        var keep = new HashSet<(string, string)>();
        foreach (var item in items)
        {
            var key = (partitionKey(item), rowKey(item));
            keep.Add(key);
            var json = JsonSerializer.Serialize(item, Json.Options);
            if (!existing.TryGetValue(key, out var old)) imported++;
            else if (old != json) updated++;
            else { unchanged++; continue; }
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(key.Item1, key.Item2) { ["Json"] = json }));
        }
        if (removeOthersInPartitions)
        {
            var partitions = keep.Select(k => k.Item1).ToHashSet();
            actions.AddRange(existing.Keys.Where(k => partitions.Contains(k.Item1) && !keep.Contains(k))
                .Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.Item1, k.Item2), Azure.ETag.All)));
        }
        // Projects and official ranks are one partition per zone (2,700 of them nationally): their batches go side by side.
        var batches = actions.GroupBy(a => a.Entity.PartitionKey).SelectMany(p => p.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (chunk, token) => await table.SubmitTransactionAsync(chunk, token));
        return new WriteCounts(imported, updated, unchanged);
    }

    public async Task<IReadOnlyList<T>> ReadAllAsync(string? partition, CancellationToken ct)
    {
        var list = new List<T>();
        var query = partition is null ? table.QueryAsync<TableEntity>(cancellationToken: ct) : table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct);
        try
        {
            await foreach (var e in query)
                list.Add(JsonSerializer.Deserialize<T>(e.GetString("Json"), Json.Options)!);
        }
        // Never written: nothing stored, and a read creates no table.
        catch (Azure.RequestFailedException e) when (StorageClients.IsMissing(e)) { return []; }
        return list;
    }
}
