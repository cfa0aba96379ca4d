using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using FunctionsZone.Core;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Storage.Incoming;

/// <summary>
/// The timer's drop folder: every blob in "incoming" is ingested, then copied to "archive" (accepted) or
/// "rejected" (with its summary beside it) and only then removed from "incoming". A crash before the copy
/// leaves the file in "incoming" to be retried; re-importing it is a no-op for the values already stored.
/// Names are checked before use (BlobNames): nothing outside "incoming" is ever read, copied or deleted.
/// Filing away archives the bytes the run imported (kept from the read), never what the blob holds by then, and
/// deletes the blob only if its ETag is still the one read (If-Match): a file re-uploaded under the same name while
/// the run was busy stays in "incoming" for the next run.
/// </summary>
public sealed class DropFolder(StorageClients clients)
{
    /// <summary>What waits in incoming: the files that could be read, and a finding for each blob that could not.</summary>
    public sealed record Incoming(IReadOnlyList<InputFile> Files, IReadOnlyList<(string Name, Finding Finding)> Refused)
    {
        /// <summary>The ETag each file had when its bytes were read, by name.</summary>
        public IReadOnlyDictionary<string, ETag> ETags { get; init; } = new Dictionary<string, ETag>();
    }

    public async Task<Incoming> ReadIncomingAsync(CancellationToken ct = default)
    {
        var incoming = clients.Container(clients.Options.IncomingContainer);
        var files = new List<InputFile>();
        var refused = new List<(string, Finding)>();
        var etags = new Dictionary<string, ETag>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in incoming.GetBlobsAsync(cancellationToken: ct))
            {
                if (BlobNames.Check(blob.Name) is { } unsafeName) { refused.Add((blob.Name, unsafeName)); continue; }
                try
                {
                    var content = await incoming.GetBlobClient(blob.Name).DownloadContentAsync(ct);
                    files.Add(new InputFile(blob.Name, content.Value.Content.ToArray()));
                    etags[blob.Name] = content.Value.Details.ETag;
                }
                catch (RequestFailedException e) when (e.Status == 404)
                {
                    // Listed, then gone (or a name the service resolves elsewhere): this file is skipped, the others go on.
                    refused.Add((blob.Name, new Finding
                    {
                        Code = "blob-not-found",
                        MessageZh = $"文件「{Quote.Cell(blob.Name)}」已列出但无法读取（已被移走？），本次跳过",
                        MessageEn = $"The blob '{Quote.Cell(blob.Name)}' was listed but cannot be read (moved away?); skipped this run",
                    }));
                }
            }
        }
        catch (RequestFailedException e) when (StorageClients.IsMissing(e)) { /* no incoming container yet: nothing waits */ }
        return new Incoming(files, refused) { ETags = etags };
    }

    /// <summary>
    /// Ingests what waits in "incoming", recomputes, publishes, then files each input away — all under the
    /// pipeline's lease, so two timers never take the same file.
    /// </summary>
    public Task<PipelineRun> ProcessAsync(MonthlyPipeline pipeline, IngestOptions options, CancellationToken ct = default) =>
        pipeline.ExclusiveAsync("timer / run", async token =>
        {
            var waiting = await ReadIncomingAsync(token);
            var refused = new List<ImportSummary>();
            foreach (var (name, finding) in waiting.Refused) refused.Add(await pipeline.RefuseAsync(name, finding, token));
            var run = await pipeline.RunAsync(waiting.Files, options, token);
            var read = waiting.Files.ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var summary in run.Imports)
                if (summary.File is { } file && read.TryGetValue(file, out var input) && waiting.ETags.TryGetValue(file, out var etag))
                    await FileAwayAsync(summary, input, etag, token);
            return run with { Imports = [.. refused, .. run.Imports] };
        }, ct);

    private async Task FileAwayAsync(ImportSummary summary, InputFile imported, ETag readETag, CancellationToken ct)
    {
        if (BlobNames.Check(imported.Name) is not null) return;
        var incoming = clients.Container(clients.Options.IncomingContainer);
        var source = incoming.GetBlobClient(imported.Name);
        var accepted = summary.Status != ImportStatus.Error;
        var target = clients.Container(accepted ? clients.Options.ArchiveContainer : clients.Options.RejectedContainer);
        var name = $"{summary.StartedAt.UtcDateTime:yyyy-MM-dd}/{summary.ImportId}/{imported.Name}";
        // The bytes this import read, not the blob as it is now: a re-upload meanwhile is another file.
        await target.GetBlobClient(name).UploadAsync(new BinaryData(imported.Content), overwrite: true, ct);
        if (!accepted)
        {
            await target.GetBlobClient(name + ".summary.json").UploadAsync(new BinaryData(JsonSerializer.SerializeToUtf8Bytes(summary, Json.Indented)),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } }, ct);
        }
        // Only once the copy exists is the original removed, and only if it is still the blob that was read.
        try { await source.DeleteAsync(conditions: new BlobRequestConditions { IfMatch = readETag }, cancellationToken: ct); }
        catch (RequestFailedException e) when (e.Status is 404 or 412) { /* gone, or re-uploaded: the next run takes it */ }
    }
}
