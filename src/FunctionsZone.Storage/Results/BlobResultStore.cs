using System.IO.Compression;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using FunctionsZone.Core;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Results;

namespace FunctionsZone.Storage.Results;

/// <summary>Recompute's output, one blob per period ("results/{period}.json"), staged until publish.</summary>
public sealed class BlobResultStore(StorageClients clients) : IResultStore
{
    private Azure.Storage.Blobs.BlobContainerClient Container => clients.Container(clients.Options.ResultsContainer);

    public async Task SaveAsync(PeriodResults results, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        // Serialised whole first, then uploaded in one Put Blob (or, past the single-upload size, blocks committed
        // by one Put Block List): a failure at any point leaves the previous results as they were, never an empty or
        // half-written blob (OpenWrite empties the blob first). Gzipped as it is serialised: only the gzipped bytes of a
        // national month's results are ever held.
        using var buffer = new MemoryStream();
        await using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            await JsonSerializer.SerializeAsync(gz, results, Json.Options, ct);
        buffer.Position = 0;
        await Container.GetBlobClient($"{results.Period}.json").UploadAsync(buffer, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
        }, ct);
    }

    /// <summary>The period's results; null when there are none, or when the blob does not parse (publish recomputes it).</summary>
    public async Task<PeriodResults?> LoadAsync(Period period, CancellationToken ct = default)
    {
        try
        {
            var download = await Container.GetBlobClient($"{period}.json").DownloadContentAsync(ct);
            var content = download.Value.Content;
            // Gzipped (magic 1F 8B) since results were streamed; plain JSON as written before. Names read once (Json.Pooled).
            Stream json = content.ToMemory().Span is [0x1F, 0x8B, ..]
                ? new GZipStream(content.ToStream(), CompressionMode.Decompress)
                : content.ToStream();
            await using (json)
                return await JsonSerializer.DeserializeAsync<PeriodResults>(json, Json.Pooled, ct) is { Period: not null } r
                    && r.Period == period.ToString() ? r : null;
        }
        catch (RequestFailedException e) when (StorageClients.IsMissing(e)) { return null; }
        catch (JsonException) { return null; }
        // A gzip stream cut short or corrupt: unreadable like bad JSON, recomputed by publish.
        catch (InvalidDataException) { return null; }
    }

    public async Task<IReadOnlyList<Period>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<Period>();
        try
        {
            await foreach (var b in Container.GetBlobsAsync(cancellationToken: ct))
            {
                if (Period.TryParse(Path.GetFileNameWithoutExtension(b.Name), out var p)) list.Add(p);
            }
        }
        catch (RequestFailedException e) when (StorageClients.IsMissing(e)) { return []; }
        return list.Order().ToList();
    }
}
