using System.Text.Json;
using Azure.Storage.Blobs.Models;
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
        var bytes = JsonSerializer.SerializeToUtf8Bytes(results, Json.Options);
        await Container.GetBlobClient($"{results.Period}.json").UploadAsync(new BinaryData(bytes),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } }, ct);
    }

    public async Task<PeriodResults?> LoadAsync(Period period, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var blob = Container.GetBlobClient($"{period}.json");
        try
        {
            var content = await blob.DownloadContentAsync(ct);
            return JsonSerializer.Deserialize<PeriodResults>(content.Value.Content.ToMemory().Span, Json.Options);
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
