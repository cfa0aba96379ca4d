using Azure.Data.Tables;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.History;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Storage.History;

/// <summary>Reads fzHistory (written by TableObservationStore when an import changes a stored figure).</summary>
public sealed class TableHistoryStore(StorageClients clients) : IHistoryStore
{
    public async Task<IReadOnlyList<ValueChange>> ReadAsync(string zone, string indicator, Period period, CancellationToken ct = default)
    {
        var pk = HistoryEntity.PartitionKey(zone, indicator, period);
        var list = new List<ValueChange>();
        try
        {
            await foreach (var e in clients.Table("History").QueryAsync<TableEntity>(e => e.PartitionKey == pk, cancellationToken: ct))
                list.Add(HistoryEntity.FromEntity(e));
        }
        catch (Azure.RequestFailedException e) when (StorageClients.IsMissing(e)) { return []; }
        return list.OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.ImportId, StringComparer.Ordinal).ToList();
    }
}
