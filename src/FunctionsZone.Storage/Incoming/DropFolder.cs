using System.Text.Json;
using Azure.Storage.Blobs.Models;
using FunctionsZone.Core;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Storage.Incoming;

/// <summary>
/// The timer's drop folder: every blob in "incoming" is ingested, then copied to "archive" (accepted) or
/// "rejected" (with its summary beside it) and only then removed from "incoming". A crash before the copy
/// leaves the file in "incoming" to be retried; re-importing it is a no-op for the values already stored.
/// </summary>
public sealed class DropFolder(StorageClients clients)
{
    public async Task<IReadOnlyList<InputFile>> ReadIncomingAsync(CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var incoming = clients.Container(clients.Options.IncomingContainer);
        var files = new List<InputFile>();
        await foreach (var blob in incoming.GetBlobsAsync(cancellationToken: ct))
        {
            var content = await incoming.GetBlobClient(blob.Name).DownloadContentAsync(ct);
            files.Add(new InputFile(blob.Name, content.Value.Content.ToArray()));
        }
        return files;
    }

    /// <summary>Ingests what waits in "incoming", recomputes, publishes, then files each input away.</summary>
    public async Task<PipelineRun> ProcessAsync(MonthlyPipeline pipeline, IngestOptions options, CancellationToken ct = default)
    {
        var files = await ReadIncomingAsync(ct);
        var run = await pipeline.RunAsync(files, options, ct);
        foreach (var summary in run.Imports)
            await FileAwayAsync(summary, ct);
        return run;
    }

    private async Task FileAwayAsync(ImportSummary summary, CancellationToken ct)
    {
        var incoming = clients.Container(clients.Options.IncomingContainer);
        var source = incoming.GetBlobClient(summary.File);
        var accepted = summary.Status != ImportStatus.Error;
        var target = clients.Container(accepted ? clients.Options.ArchiveContainer : clients.Options.RejectedContainer);
        var name = $"{summary.StartedAt.UtcDateTime:yyyy-MM-dd}/{summary.ImportId}/{summary.File}";
        var content = await source.DownloadContentAsync(ct);
        await target.GetBlobClient(name).UploadAsync(content.Value.Content, overwrite: true, ct);
        if (!accepted)
        {
            await target.GetBlobClient(name + ".summary.json").UploadAsync(new BinaryData(JsonSerializer.SerializeToUtf8Bytes(summary, Json.Indented)),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } }, ct);
        }
        // Only once the copy exists is the original removed.
        await source.DeleteIfExistsAsync(cancellationToken: ct);
    }
}
