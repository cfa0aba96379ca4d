using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using FunctionsZone.Core;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Storage.Results;

/// <summary>Recompute's output, one blob per period ("results/{period}.json"), staged until publish.</summary>
public sealed class BlobResultStore(StorageClients clients) : IResultStore
{
    private Azure.Storage.Blobs.BlobContainerClient Container => clients.Container(clients.Options.ResultsContainer);

    public async Task SaveAsync(PeriodResults results, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        // Serialized straight into the upload: a national month's results are large, and a copy of them as one
        // byte array is memory the recompute does not need.
        var blob = Container.GetBlockBlobClient($"{results.Period}.json");
        await using var stream = await blob.OpenWriteAsync(overwrite: true,
            new BlockBlobOpenWriteOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } }, ct);
        await JsonSerializer.SerializeAsync(stream, results, Json.Options, ct);
    }

    public async Task<PeriodResults?> LoadAsync(Period period, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var blob = Container.GetBlobClient($"{period}.json");
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: ct);
            await using var stream = download.Value.Content;
            return await JsonSerializer.DeserializeAsync<PeriodResults>(stream, Json.Options, ct);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404) { return null; }
    }

    public async Task<IReadOnlyList<Period>> ListAsync(CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var list = new List<Period>();
        await foreach (var b in Container.GetBlobsAsync(cancellationToken: ct))
        {
            if (Period.TryParse(Path.GetFileNameWithoutExtension(b.Name), out var p)) list.Add(p);
        }
        return list.Order().ToList();
    }
}
