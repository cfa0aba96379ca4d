using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FunctionsZone.Core;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Storage.Imports;

/// <summary>One row of fzImports: what an import did, without its findings.</summary>
public sealed record ImportListItem(string ImportId, string? File, string? Kind, string? Status,
    int Imported, int Updated, int Unchanged, int Ignored, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

/// <summary>Reads the import log TableImportLog writes: a month's imports from the table, one summary in full from its blob.</summary>
public sealed class ImportLogReader(StorageClients clients)
{
    /// <summary>Imports started in a month (yyyy-MM), or all when month is null; newest first.</summary>
    public async Task<IReadOnlyList<ImportListItem>> ListAsync(string? month, CancellationToken ct = default)
    {
        var table = clients.Table("Imports");
        var query = month is null
            ? table.QueryAsync<TableEntity>(cancellationToken: ct)
            : table.QueryAsync<TableEntity>(e => e.PartitionKey == month, cancellationToken: ct);
        var list = new List<ImportListItem>();
        try
        {
            await foreach (var e in query)
            {
                list.Add(new ImportListItem(e.RowKey, e.GetString("File"), e.GetString("Kind"), e.GetString("Status"),
                    e.GetInt32("Imported") ?? 0, e.GetInt32("Updated") ?? 0, e.GetInt32("Unchanged") ?? 0, e.GetInt32("Ignored") ?? 0,
                    e.GetDateTimeOffset("StartedAt"), e.GetDateTimeOffset("FinishedAt")));
            }
        }
        catch (RequestFailedException e) when (StorageClients.IsMissing(e)) { return []; }
        return list.OrderByDescending(i => i.ImportId, StringComparer.Ordinal).ToList();
    }

    public async Task<ImportSummary?> GetAsync(string importId, CancellationToken ct = default)
    {
        // An import id names one blob of the imports container, never a path.
        if (importId.Length is 0 or > 64 || importId.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-')) return null;
        try
        {
            var r = await clients.Container(clients.Options.ImportsContainer).GetBlobClient($"{importId}.json").DownloadContentAsync(ct);
            return JsonSerializer.Deserialize<ImportSummary>(r.Value.Content.ToArray(), Json.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404) { return null; }
    }
}
