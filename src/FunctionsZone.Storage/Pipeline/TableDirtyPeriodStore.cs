using Azure;
using Azure.Data.Tables;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Storage.Pipeline;

/// <summary>
/// fzDirtyPeriods: PartitionKey "dirty", RowKey the period ("2022-05", "2021") or "*" (everything: a registry,
/// target or rule change), properties ImportId and MarkedAt. A mark's ETag is its version: a run clears only the
/// marks it read, with If-Match, so a period marked again meanwhile stays dirty. See docs/storage.md.
/// </summary>
public sealed class TableDirtyPeriodStore(StorageClients clients) : IDirtyPeriodStore
{
    private const string Partition = "dirty";
    private const string Everything = "*";
    private TableClient Table => clients.Table("DirtyPeriods");

    public async Task<IReadOnlyList<DirtyMark>> MarkAsync(IReadOnlyCollection<Period?> periods, string importId, CancellationToken ct = default)
    {
        if (periods.Count == 0) return [];
        await clients.EnsureCreatedAsync(ct);
        var marks = new List<DirtyMark>();
        foreach (var p in periods.Distinct())
        {
            var entity = new TableEntity(Partition, p?.ToString() ?? Everything) { ["ImportId"] = importId, ["MarkedAt"] = DateTimeOffset.UtcNow };
            var r = await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct);
            marks.Add(new DirtyMark(p, r.Headers.ETag?.ToString() ?? ""));
        }
        return marks;
    }

    public async Task<IReadOnlyList<DirtyMark>> ListAsync(CancellationToken ct = default)
    {
        var marks = new List<DirtyMark>();
        try
        {
            await foreach (var e in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
            {
                if (e.RowKey == Everything) marks.Add(new DirtyMark(null, e.ETag.ToString()));
                else if (Period.TryParse(e.RowKey, out var p)) marks.Add(new DirtyMark(p, e.ETag.ToString()));
            }
        }
        catch (RequestFailedException e) when (StorageClients.IsMissing(e)) { return []; }
        return marks;
    }

    public async Task ClearAsync(IReadOnlyCollection<DirtyMark> marks, CancellationToken ct = default)
    {
        foreach (var m in marks)
        {
            try { await Table.DeleteEntityAsync(Partition, m.Period?.ToString() ?? Everything, new ETag(m.Version), ct); }
            // 412: marked again since it was read — the next run sees it. 404: already cleared.
            catch (RequestFailedException e) when (e.Status is 404 or 412) { }
        }
    }
}
