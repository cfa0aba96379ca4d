using FunctionsZone.Core.Publishing;

namespace FunctionsZone.Core.Snapshots;

/// <summary>
/// A snapshot version: its id, the hash of its content and its manifest; and, when it was built in memory
/// (<see cref="SnapshotBuilder.Build"/>), every object it names (the files and the index shards) still to be written.
/// A version publish streamed has written its objects as it went, and holds none.
/// </summary>
public sealed record SnapshotVersion(string Id, string ContentHash, SnapshotManifest Manifest, IReadOnlyList<EncodedFile> Objects);

/// <summary>One logical file: its size and SHA-256 (of the bytes before gzip) and the object that holds them.</summary>
public sealed record SnapshotFileEntry(string Path, long Size, string Sha256)
{
    public string Object => SnapshotLayout.Object(Sha256, Path);
}

/// <summary>One index shard (docs/snapshots.md): the logical paths whose <see cref="SnapshotLayout.ShardOf"/> is its number → their objects.</summary>
public sealed record SnapshotIndexShard(IReadOnlyDictionary<string, string> Files);

/// <summary>versions/{id}/manifest.json: every file of the version with its size, SHA-256 and object, and the index shards.</summary>
public sealed record SnapshotManifest
{
    public required string Version { get; init; }
    public required string ContentHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<string> Periods { get; init; }
    public required IReadOnlyList<SnapshotFileEntry> Files { get; init; }
    /// <summary>The <see cref="SnapshotLayout.ShardCount"/> index shards' objects, shard 0 first.</summary>
    public IReadOnlyList<string> Index { get; init; } = [];
    public string SchemaVersion { get; init; } = "2";

    /// <summary>The object of a logical path, or null when the version has no such file.</summary>
    public string? ObjectOf(string path) => (_byPath ??= Files.ToDictionary(f => f.Path, f => f.Object, StringComparer.Ordinal)).GetValueOrDefault(path);

    /// <summary>Every object the version names: its files and its index shards.</summary>
    public IEnumerable<string> Objects() => Files.Select(f => f.Object).Concat(Index);

    private Dictionary<string, string>? _byPath;
}

/// <summary>latest.json: the one small mutable document, pointing at the newest complete version.</summary>
public sealed record SnapshotPointer
{
    public required string Version { get; init; }
    /// <summary>The version's folder (versions/{id}/, whose manifest.json lists every file; v/{id}/ before content addressing).</summary>
    public required string Path { get; init; }
    /// <summary>The version's index shards (<see cref="SnapshotManifest.Index"/>): how a browser resolves a logical path without the whole manifest.</summary>
    public IReadOnlyList<string>? Index { get; init; }
    public required string ContentHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<string> Periods { get; init; }
    /// <summary>
    /// The versions latest named before this one, each with when it stopped (the swap that replaced it), kept while a
    /// cached copy of that older pointer may still be followed: retention keeps them (docs/snapshots.md, Retention).
    /// </summary>
    public IReadOnlyList<ReplacedPointer>? Replaced { get; init; }
}

/// <summary>A version latest.json named until <paramref name="Until"/> (the publisher's clock at the swap).</summary>
public sealed record ReplacedPointer(string Version, DateTimeOffset Until);
