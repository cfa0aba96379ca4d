using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using FunctionsZone.Core;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Storage.Snapshots;

/// <summary>
/// Snapshots in Blob Storage (docs/snapshots.md): "v/{version}/…" written once, then "latest.json" swapped last,
/// so a reader never sees a half-written version.
/// </summary>
public sealed class BlobSnapshotStore(StorageClients clients) : ISnapshotStore
{
    public const string LatestBlob = "latest.json";
    private const string JsonContentType = "application/json; charset=utf-8";
    private Azure.Storage.Blobs.BlobContainerClient Container => clients.Container(clients.Options.SnapshotContainer);

    public async Task PublishAsync(SnapshotVersion version, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var immutable = new BlobHttpHeaders { ContentType = JsonContentType, CacheControl = "public, max-age=31536000, immutable" };
        await Parallel.ForEachAsync(version.Files, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (file, token) =>
            await WriteOnceAsync($"v/{version.Id}/{file.Key}", file.Value, immutable, token));
        await WriteOnceAsync($"v/{version.Id}/manifest.json", JsonSerializer.SerializeToUtf8Bytes(version.Manifest, Json.Indented), immutable, ct);

        var pointer = new SnapshotPointer
        {
            Version = version.Id, Path = $"v/{version.Id}/", ContentHash = version.ContentHash,
            CreatedAt = version.Manifest.CreatedAt, Periods = version.Manifest.Periods,
        };
        await Container.GetBlobClient(LatestBlob).UploadAsync(new BinaryData(JsonSerializer.SerializeToUtf8Bytes(pointer, Json.Indented)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = JsonContentType, CacheControl = "public, max-age=60" } }, ct);
    }

    private async Task WriteOnceAsync(string name, byte[] bytes, BlobHttpHeaders headers, CancellationToken ct)
    {
        try
        {
            // If-None-Match: * — a version, once written, is never overwritten.
            await Container.GetBlobClient(name).UploadAsync(new BinaryData(bytes), new BlobUploadOptions
            {
                HttpHeaders = headers,
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Same version id means same content hash: the file already holds these bytes (a retried publish).
        }
    }

    public async Task<SnapshotPointer?> LatestAsync(CancellationToken ct = default)
    {
        var bytes = await DownloadAsync(LatestBlob, ct);
        return bytes is null ? null : JsonSerializer.Deserialize<SnapshotPointer>(bytes, Json.Options);
    }

    public Task<byte[]?> ReadAsync(string version, string path, CancellationToken ct = default) => DownloadAsync($"v/{version}/{path}", ct);

    public string Location(string version) => $"{Container.Uri}/v/{version}/";

    private async Task<byte[]?> DownloadAsync(string name, CancellationToken ct)
    {
        try
        {
            var r = await Container.GetBlobClient(name).DownloadContentAsync(ct);
            return r.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404) { return null; }
    }
}
