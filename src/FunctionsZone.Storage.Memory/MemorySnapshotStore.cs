using System.Collections.Concurrent;
using System.Text.Json;
using FunctionsZone.Core;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Storage.Memory;

/// <summary>
/// Snapshot versions in memory, laid out as in blobs (docs/snapshots.md): content-addressed objects, a manifest per
/// version written last, and latest.json swapped only from the ETag read (a counter here). Retention keeps everything:
/// what it deletes, and when, is storage behaviour (SnapshotIntegrityTests, IncrementalPublishTests on Azurite).
/// </summary>
public sealed class MemorySnapshotStore(TimeProvider clock) : ISnapshotStore
{
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SnapshotManifest> _manifests = new(StringComparer.Ordinal);
    private readonly object _latestGate = new();
    private (SnapshotPointer Pointer, long ETag)? _latest;

    /// <summary>The objects written, by name (gzipped as stored): what a test reads to see what a publish wrote.</summary>
    public IReadOnlyDictionary<string, byte[]> Objects => _objects;

    public async Task PublishAsync(SnapshotVersion version, CancellationToken ct = default)
    {
        var (_, etag) = await LatestWithETagAsync(ct);
        await WriteVersionAsync(version, ct);
        if (!await SwapLatestAsync(version, etag, ct))
            throw new PipelineBusyException($"发布期间 latest 已被另一次发布更新，{version.Id} 未发布 / latest moved during the publish; {version.Id} was not published");
    }

    public async Task WriteVersionAsync(SnapshotVersion version, CancellationToken ct = default)
    {
        await using var draft = await BeginVersionAsync(ct);
        foreach (var o in version.Objects) await draft.PutAsync(o, ct);
        await draft.CommitAsync(version.Manifest, ct);
    }

    public Task<ISnapshotDraft> BeginVersionAsync(CancellationToken ct = default) => Task.FromResult<ISnapshotDraft>(new Draft(this));

    public Task<bool> SwapLatestAsync(SnapshotVersion version, string? expected, CancellationToken ct = default)
    {
        lock (_latestGate)
        {
            if (_latest?.ETag.ToString(System.Globalization.CultureInfo.InvariantCulture) != expected) return Task.FromResult(false);
            var previous = _latest?.Pointer;
            var pointer = new SnapshotPointer
            {
                Version = version.Id, Path = SnapshotLayout.VersionFolder(version.Id), Index = version.Manifest.Index, ContentHash = version.ContentHash,
                CreatedAt = version.Manifest.CreatedAt, Periods = version.Manifest.Periods,
                Replaced = previous is null ? null : [new ReplacedPointer(previous.Version, clock.GetUtcNow()), .. previous.Replaced ?? []],
            };
            _latest = (pointer, (_latest?.ETag ?? 0) + 1);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<string>> ApplyRetentionAsync(string latestVersion, CancellationToken ct = default) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<(SnapshotPointer? Pointer, string? ETag)> LatestWithETagAsync(CancellationToken ct = default)
    {
        lock (_latestGate)
            return Task.FromResult(_latest is { } l ? ((SnapshotPointer?)l.Pointer, (string?)l.ETag.ToString(System.Globalization.CultureInfo.InvariantCulture)) : (null, null));
    }

    public async Task<SnapshotPointer?> LatestAsync(CancellationToken ct = default) => (await LatestWithETagAsync(ct)).Pointer;

    public Task<byte[]?> ReadAsync(string version, string path, CancellationToken ct = default)
    {
        if (!_manifests.TryGetValue(version, out var manifest)) return Task.FromResult<byte[]?>(null);
        if (path == SnapshotLayout.ManifestFile) return Task.FromResult<byte[]?>(JsonSerializer.SerializeToUtf8Bytes(manifest, Json.Indented));
        return Task.FromResult(manifest.ObjectOf(path) is { } name ? ReadObject(name) ?? throw SnapshotEncoding.Missing(name) : null);
    }

    private byte[]? ReadObject(string name) => _objects.TryGetValue(name, out var stored) ? SnapshotEncoding.Verified(name, stored) : null;

    public string Location(string version) => $"memory://{SnapshotLayout.VersionFolder(version)}";

    /// <summary>Objects go in as they are put; the manifest, written once, makes the version whole.</summary>
    private sealed class Draft(MemorySnapshotStore store) : ISnapshotDraft
    {
        public Task PutAsync(EncodedFile file, CancellationToken ct = default) { store._objects[file.Object] = file.Gzipped; return Task.CompletedTask; }
        public Task<byte[]?> ReadObjectAsync(string objectName, CancellationToken ct = default) => Task.FromResult(store.ReadObject(objectName));
        public Task CommitAsync(SnapshotManifest manifest, CancellationToken ct = default) { store._manifests.TryAdd(manifest.Version, manifest); return Task.CompletedTask; }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
