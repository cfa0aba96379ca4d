using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs.Models;
using FunctionsZone.Core;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Storage.Snapshots;

/// <summary>
/// Snapshots in Blob Storage (docs/snapshots.md, names from <see cref="SnapshotLayout"/>): content-addressed objects,
/// then the version's manifest, then SnapshotLayout.Latest swapped last, so a reader never sees a half-written version; an
/// object the latest version already names is referenced, not rewritten. Every blob is gzip-encoded
/// (Content-Encoding: gzip), which browsers and CDNs decode on their own; this store decodes it on read.
/// </summary>
public sealed class BlobSnapshotStore(StorageClients clients) : ISnapshotStore
{
    public const string LatestBlob = SnapshotLayout.Latest;
    private const string JsonContentType = "application/json; charset=utf-8";
    public const string ImmutableCache = "public, max-age=31536000, immutable";
    /// <summary>latest.json's Cache-Control, from the same setting retention's window is derived from (StorageOptions.PointerMaxAgeSeconds).</summary>
    public string PointerCache => $"public, max-age={clients.Options.PointerMaxAgeSeconds}";
    private Azure.Storage.Blobs.BlobContainerClient Container => clients.Container(clients.Options.SnapshotContainer);
    // Manifests never change once written: kept by version id (a few; the latest and the ones retention reads).
    private readonly ConcurrentDictionary<string, SnapshotManifest> _manifests = new(StringComparer.Ordinal);
    // The pointer last read and its ETag: the swap that replaces it records it in the new pointer's history.
    private volatile Tuple<string, SnapshotPointer>? _lastRead;

    public async Task PublishAsync(SnapshotVersion version, CancellationToken ct = default)
    {
        var (_, etag) = await LatestWithETagAsync(ct);
        await WriteVersionAsync(version, ct);
        if (!await SwapLatestAsync(version, etag, ct))
            throw new PipelineBusyException($"发布期间 latest 已被另一次发布更新，{version.Id} 未发布 / latest moved during the publish; {version.Id} was not published");
        // Only now that latest has moved may old versions go.
        await ApplyRetentionAsync(version.Id, ct);
    }

    public async Task WriteVersionAsync(SnapshotVersion version, CancellationToken ct = default)
    {
        await using var draft = await BeginVersionAsync(ct);
        foreach (var o in version.Objects) await draft.PutAsync(o, ct);
        await draft.CommitAsync(version.Manifest, ct);
    }

    public async Task<ISnapshotDraft> BeginVersionAsync(CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var (named, intact) = await LatestObjectsAsync(ct);
        return new Draft(this, named, await ListObjectsAsync(ct), intact);
    }

    /// <summary>Every object in the container with the Content-MD5 the service holds for its stored (gzipped) bytes.</summary>
    private async Task<Dictionary<string, byte[]?>> ListObjectsAsync(CancellationToken ct)
    {
        var listed = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = SnapshotLayout.ObjectsPrefix }, ct))
            listed[blob.Name] = blob.Properties.ContentHash;
        return listed;
    }

    /// <summary>
    /// A version being written. What the latest version names is referenced, not re-written — if it is there with these
    /// bytes: listed, with the Content-MD5 of this file's gzip (the service computes and checks it on upload, so an
    /// object overwritten or deleted since is re-written, not trusted). Retention keeps the latest's objects while that
    /// version is kept, and should latest move meanwhile, this version's swap fails. Everything else is written, even
    /// if a blob of that name exists: the fresh write keeps a concurrent retention (which deletes only what it listed,
    /// If-Match) from removing an object this version is about to name. Eight uploads in flight; the first failure
    /// stops the draft.
    /// </summary>
    private sealed class Draft(BlobSnapshotStore store, HashSet<string> present, Dictionary<string, byte[]?> listed, bool manifestWhole) : ISnapshotDraft
    {
        // Eight, not WriteParallelism (16): a national publish gained little with 16 (15.9 s against 16.7 s) and peaked higher.
        private const int InFlight = 8;
        private readonly SemaphoreSlim _slots = new(InFlight);
        private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
        private readonly List<Task> _uploads = [];

        public async Task PutAsync(EncodedFile file, CancellationToken ct = default)
        {
            if (!_queued.Add(file.Object)) return;
            var md5 = MD5.HashData(file.Gzipped);
            if (present.Contains(file.Object) && listed.GetValueOrDefault(file.Object) is { } stored && stored.AsSpan().SequenceEqual(md5)) return;
            await _slots.WaitAsync(ct);
            if (_uploads.FirstOrDefault(t => t.IsFaulted || t.IsCanceled) is { } failed) { _slots.Release(); await failed; }
            _uploads.RemoveAll(t => t.IsCompletedSuccessfully);
            _uploads.Add(UploadAsync(file, md5, ct));
        }

        private async Task UploadAsync(EncodedFile file, byte[] md5, CancellationToken ct)
        {
            try
            {
                // Content-MD5 sent: the service checks the body against it and keeps it, for the next publish to compare.
                var headers = Headers(ImmutableCache, ContentTypeOf(file.Object));
                headers.ContentHash = md5;
                await store.Container.GetBlobClient(file.Object).UploadAsync(new BinaryData(file.Gzipped), new BlobUploadOptions { HttpHeaders = headers }, ct);
            }
            finally { _slots.Release(); }
        }

        public async Task<byte[]?> ReadObjectAsync(string objectName, CancellationToken ct = default)
        {
            await Task.WhenAll(_uploads);
            return await store.ReadObjectAsync(objectName, ct);
        }

        /// <summary>
        /// The latest version's manifest was read whole, and each object it names that this draft did not put (its
        /// briefings and index shards on an unchanged publish) is listed and reads back as its hash: checked by reading.
        /// </summary>
        public async Task<bool> LatestIntactAsync(CancellationToken ct = default)
        {
            if (!manifestWhole) return false;
            await Task.WhenAll(_uploads);
            var notPut = present.Where(o => !_queued.Contains(o)).ToList();
            if (notPut.Any(o => !listed.ContainsKey(o))) return false;
            var whole = true;
            await Parallel.ForEachAsync(notPut, new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = ct }, async (o, token) =>
            {
                // Gone since the listing (null) or damaged (thrown): either way not whole.
                try { if (await store.ReadObjectAsync(o, token) is null) whole = false; }
                catch (SnapshotIntegrityException) { whole = false; }
            });
            return whole;
        }

        public async Task CommitAsync(SnapshotManifest manifest, CancellationToken ct = default)
        {
            await Task.WhenAll(_uploads);
            // The manifest goes last: its presence says every object it names is in place.
            await store.WriteOnceAsync(SnapshotLayout.Manifest(manifest.Version), JsonSerializer.SerializeToUtf8Bytes(manifest, Json.Indented), Headers(ImmutableCache), ct);
        }

        public async ValueTask DisposeAsync()
        {
            // Uploads of a draft given up on (a failure, a cancelled run) end before the caller goes on.
            try { await Task.WhenAll(_uploads); } catch (Exception) { }
            _slots.Dispose();
        }
    }

    /// <summary>
    /// The objects the latest version names, and whether its manifest could be read (a content-addressed version whose
    /// manifest is missing or corrupt is not whole: the next publish writes the data again as a new version).
    /// </summary>
    private async Task<(HashSet<string> Named, bool ManifestWhole)> LatestObjectsAsync(CancellationToken ct)
    {
        if (await LatestAsync(ct) is not { } latest) return ([], true);
        SnapshotManifest? manifest = null;
        // Read again, not from memory: what matters is whether storage still holds it whole.
        _manifests.TryRemove(latest.Version, out _);
        try { manifest = await ManifestAsync(latest.Version, ct); }
        catch (Exception e) when (e is InvalidDataException or JsonException or SnapshotIntegrityException) { }
        // A version from before content addressing (v/{id}/) has no manifest and names no object.
        var legacy = !latest.Path.StartsWith(SnapshotLayout.VersionsPrefix, StringComparison.Ordinal);
        return (manifest?.Objects().ToHashSet(StringComparer.Ordinal) ?? [], manifest is not null || legacy);
    }

    public async Task<bool> SwapLatestAsync(SnapshotVersion version, string? expected, CancellationToken ct = default)
    {
        var pointer = new SnapshotPointer
        {
            Version = version.Id, Path = SnapshotLayout.VersionFolder(version.Id), Index = version.Manifest.Index, ContentHash = version.ContentHash,
            CreatedAt = version.Manifest.CreatedAt, Periods = version.Manifest.Periods,
            Replaced = expected is null ? null : Replaced(await PointerOfAsync(expected, ct), DateTimeOffset.UtcNow),
        };
        // If-Match on what the publish read at its start (If-None-Match: * when there was none): a publish that lost
        // its lease and finishes late cannot put an older version back over a newer one.
        var conditions = expected is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(expected) };
        try
        {
            await Container.GetBlobClient(LatestBlob).UploadAsync(new BinaryData(SnapshotEncoding.Gzip(JsonSerializer.SerializeToUtf8Bytes(pointer, Json.Indented))),
                new BlobUploadOptions { HttpHeaders = Headers(PointerCache), Conditions = conditions }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412) { return false; }
    }

    public async Task<(SnapshotPointer? Pointer, string? ETag)> LatestWithETagAsync(CancellationToken ct = default)
    {
        try
        {
            var r = await Container.GetBlobClient(LatestBlob).DownloadContentAsync(ct);
            var pointer = JsonSerializer.Deserialize<SnapshotPointer>(SnapshotEncoding.Gunzip(r.Value.Content.ToArray()), Json.Options);
            var etag = r.Value.Details.ETag.ToString();
            if (pointer is not null) _lastRead = Tuple.Create(etag, pointer);
            return (pointer, etag);
        }
        catch (RequestFailedException e) when (StorageClients.IsMissing(e)) { return (null, null); }
    }

    /// <summary>The pointer whose ETag a swap is conditional on (as last read, else read now); null when latest moved since (the swap then fails).</summary>
    private async Task<SnapshotPointer?> PointerOfAsync(string etag, CancellationToken ct)
    {
        if (_lastRead is { } kept && kept.Item1 == etag) return kept.Item2;
        var (pointer, now) = await LatestWithETagAsync(ct);
        return now == etag ? pointer : null;
    }

    /// <summary>
    /// The new pointer's history: the one it replaces, stopped now, and those the replaced one listed that a cached copy
    /// may still name (stopped within <see cref="StorageOptions.PointerReadableFor"/>).
    /// </summary>
    private List<ReplacedPointer>? Replaced(SnapshotPointer? previous, DateTimeOffset now)
    {
        if (previous is null) return null;
        var since = now - clients.Options.PointerReadableFor;
        return [new ReplacedPointer(previous.Version, now), .. (previous.Replaced ?? []).Where(r => r.Until > since && r.Version != previous.Version)];
    }

    /// <summary>
    /// Keeps, for every period, the newest N versions that hold it (StorageOptions.SnapshotRetention; 0 keeps all),
    /// and always the latest one. A version goes only when each of its periods has N newer versions; then the objects
    /// no remaining version names go too. Nothing written within the lease time is deleted.
    /// </summary>
    public async Task<IReadOnlyList<string>> ApplyRetentionAsync(string latestVersion, CancellationToken ct = default)
    {
        var keep = clients.Options.SnapshotRetention;
        if (keep <= 0) return [];
        // A version or object written within the lease time may belong to a publish still in flight (one whose lease
        // ran out): it is not this publish's to delete. Server times (LastModified) against this machine's real clock,
        // never a test's fixed one.
        var youngest = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(clients.Options.LeaseSeconds);
        var cached = await StillCachedAsync(ct);
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        var old = new List<string>();
        // Version ids start with their UTC time (yyyyMMddTHHmmssZ), so ordinal order is age order: newest first.
        foreach (var v in (await ListVersionsAsync(ct)).OrderDescending(StringComparer.Ordinal))
        {
            // Newer than the pointer: another publish still writing it.
            if (string.CompareOrdinal(v, latestVersion) > 0) continue;
            var manifest = await ReadAsync(v, SnapshotLayout.ManifestFile, ct) is { } bytes
                ? JsonSerializer.Deserialize<SnapshotManifest>(bytes, Json.Options) : null;
            // A version without a manifest never completed; it holds no period anyone can be pointed at.
            var periods = manifest?.Periods ?? [];
            var needed = v == latestVersion || periods.Any(p => kept.GetValueOrDefault(p) < keep);
            if (needed) { foreach (var p in periods) kept[p] = kept.GetValueOrDefault(p) + 1; continue; }
            // A pointer naming it may still be cached (latest.json's max-age): kept, not counted, until that has passed.
            if (!cached.Contains(v)) old.Add(v);
        }
        var deleted = new List<string>();
        foreach (var v in old)
        {
            var blobs = new List<BlobItem>();
            foreach (var prefix in new[] { SnapshotLayout.VersionFolder(v), $"{SnapshotLayout.LegacyVersionsPrefix}{v}/" })
                await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, ct)) blobs.Add(blob);
            if (blobs.Any(b => b.Properties.LastModified is { } m && m > youngest)) continue;
            foreach (var blob in blobs) await Container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: ct);
            _manifests.TryRemove(v, out _);
            deleted.Add(v);
        }
        await CollectObjectsAsync(youngest, ct);
        return deleted;
    }

    /// <summary>
    /// The versions a reader may still reach through a cached latest.json: the one it names now and those its history
    /// says it replaced within <see cref="StorageOptions.PointerReadableFor"/> (max-age plus a margin; this machine's clock).
    /// </summary>
    private async Task<HashSet<string>> StillCachedAsync(CancellationToken ct)
    {
        var since = DateTimeOffset.UtcNow - clients.Options.PointerReadableFor;
        var cached = new HashSet<string>(StringComparer.Ordinal);
        if (await LatestAsync(ct) is not { } now) return cached;
        cached.Add(now.Version);
        foreach (var r in now.Replaced ?? []) if (r.Until > since) cached.Add(r.Version);
        return cached;
    }

    /// <summary>
    /// Deletes the objects no remaining version's manifest names (kept ones, newer ones in flight, ones too young to
    /// go), older than the lease time, each only if unchanged since listed (If-Match): a publish that re-wrote it
    /// meanwhile to name it again keeps it.
    /// </summary>
    private async Task CollectObjectsAsync(DateTimeOffset youngest, CancellationToken ct)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in await ListVersionsAsync(ct))
            if (await ManifestAsync(v, ct) is { } m) named.UnionWith(m.Objects());
        await foreach (var blob in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = SnapshotLayout.ObjectsPrefix }, ct))
        {
            if (named.Contains(blob.Name) || blob.Properties.LastModified is not { } modified || modified > youngest) continue;
            try
            {
                await Container.GetBlobClient(blob.Name).DeleteAsync(conditions: new BlobRequestConditions { IfMatch = blob.Properties.ETag }, cancellationToken: ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412) { }
        }
    }

    /// <summary>Every version present in the container (versions/{id}/, and v/{id}/ from before content addressing), oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListVersionsAsync(CancellationToken ct = default)
    {
        var versions = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var prefix in new[] { SnapshotLayout.VersionsPrefix, SnapshotLayout.LegacyVersionsPrefix })
                await foreach (var item in Container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Prefix = prefix, Delimiter = "/" }, ct))
                {
                    if (item.IsPrefix) versions.Add(item.Prefix[prefix.Length..].TrimEnd('/'));
                }
        }
        catch (RequestFailedException e) when (StorageClients.IsMissing(e)) { return []; }
        return versions.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A version's manifest (null when it has none: never completed, or published before content addressing).</summary>
    public async Task<SnapshotManifest?> ManifestAsync(string version, CancellationToken ct = default)
    {
        if (_manifests.TryGetValue(version, out var kept)) return kept;
        if (await DownloadAsync(SnapshotLayout.Manifest(version), ct) is not { } bytes) return null;
        var manifest = JsonSerializer.Deserialize<SnapshotManifest>(bytes, Json.Options);
        // Stored JSON is input: an entry whose hash is not one cannot name an object.
        if (manifest?.Files is null || manifest.Index is null
            || manifest.Files.Any(f => f?.Path is null || !SnapshotLayout.IsSha256(f.Sha256)) || manifest.Index.Any(o => o is null || !SnapshotLayout.IsObject(o)))
            throw new InvalidDataException($"快照版本 {version} 的清单已损坏 / The manifest of snapshot version {version} is corrupt");
        if (_manifests.Count > 32) _manifests.Clear();
        _manifests[version] = manifest;
        return manifest;
    }

    private static BlobHttpHeaders Headers(string cacheControl, string contentType = JsonContentType) =>
        new() { ContentType = contentType, ContentEncoding = "gzip", CacheControl = cacheControl };

    /// <summary>JSON, but the briefings published beside the zone pages are Markdown and Word (still gzip-encoded, as every blob).</summary>
    public static string ContentTypeOf(string path) =>
        path.EndsWith(".md", StringComparison.Ordinal) ? "text/markdown; charset=utf-8"
        : path.EndsWith(".docx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        : JsonContentType;

    private async Task WriteOnceAsync(string name, byte[] bytes, BlobHttpHeaders headers, CancellationToken ct)
    {
        try
        {
            // If-None-Match: * — a version, once written, is never overwritten.
            await Container.GetBlobClient(name).UploadAsync(new BinaryData(SnapshotEncoding.Gzip(bytes)), new BlobUploadOptions
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

    public async Task<SnapshotPointer?> LatestAsync(CancellationToken ct = default) => (await LatestWithETagAsync(ct)).Pointer;

    /// <summary>A logical file of a version, resolved through its manifest (SnapshotLayout.ManifestFile is the manifest itself).</summary>
    public async Task<byte[]?> ReadAsync(string version, string path, CancellationToken ct = default)
    {
        if (path == SnapshotLayout.ManifestFile)
            return await DownloadAsync(SnapshotLayout.Manifest(version), ct) ?? await DownloadAsync($"{SnapshotLayout.LegacyVersionsPrefix}{version}/{path}", ct);
        // A path the manifest lists must read back whole: a missing or damaged object is a storage fault, never "not found".
        if (await ManifestAsync(version, ct) is { } manifest)
            return manifest.ObjectOf(path) is { } name ? await ReadObjectAsync(name, ct) ?? throw SnapshotEncoding.Missing(name) : null;
        // No manifest under versions/: a version from before content addressing (or one never completed).
        return await DownloadAsync($"{SnapshotLayout.LegacyVersionsPrefix}{version}/{path}", ct);
    }

    public string Location(string version) => $"{Container.Uri}/{SnapshotLayout.VersionFolder(version)}";

    /// <summary>An object's bytes, checked against the SHA-256 it is named by (SnapshotEncoding.Verified); null when it is not there.</summary>
    public async Task<byte[]?> ReadObjectAsync(string objectName, CancellationToken ct = default)
    {
        try
        {
            var r = await Container.GetBlobClient(objectName).DownloadContentAsync(ct);
            return SnapshotEncoding.Verified(objectName, r.Value.Content.ToArray());
        }
        catch (RequestFailedException e) when (e.Status == 404) { return null; }
    }

    private async Task<byte[]?> DownloadAsync(string name, CancellationToken ct)
    {
        try
        {
            var r = await Container.GetBlobClient(name).DownloadContentAsync(ct);
            return SnapshotEncoding.Gunzip(r.Value.Content.ToArray());
        }
        catch (RequestFailedException e) when (e.Status == 404) { return null; }
    }

}
