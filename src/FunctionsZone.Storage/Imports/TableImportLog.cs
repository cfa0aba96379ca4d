using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using FunctionsZone.Core;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Storage.Imports;

/// <summary>
/// fzImports: PartitionKey = the import's month (yyyy-MM), RowKey = import id, with status and counts;
/// the whole summary (findings can be long) in blob "imports/{importId}.json".
/// </summary>
public sealed class TableImportLog(StorageClients clients) : IImportLog
{
    public async Task SaveAsync(ImportSummary summary, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var json = JsonSerializer.SerializeToUtf8Bytes(summary, Json.Options);
        await clients.Container(clients.Options.ImportsContainer).GetBlobClient($"{summary.ImportId}.json")
            .UploadAsync(new BinaryData(json), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } }, ct);
        await clients.Table("Imports").UpsertEntityAsync(new TableEntity(summary.StartedAt.UtcDateTime.ToString("yyyy-MM"), summary.ImportId)
        {
            ["File"] = summary.File,
            ["Sha256"] = summary.Sha256,
            ["Kind"] = summary.Kind,
            ["Status"] = summary.Status.ToString().ToUpperInvariant(),
            ["Imported"] = summary.Counts.Imported,
            ["Updated"] = summary.Counts.Updated,
            ["Unchanged"] = summary.Counts.Unchanged,
            ["Ignored"] = summary.Counts.Ignored,
            ["StartedAt"] = summary.StartedAt,
            ["FinishedAt"] = summary.FinishedAt,
        }, TableUpdateMode.Replace, ct);
    }
}
