namespace FunctionsZone.Core.Snapshots;

/// <summary>A snapshot version to publish: its id, the hash of its content and its files (path inside the version → JSON bytes).</summary>
public sealed record SnapshotVersion(string Id, string ContentHash, IReadOnlyDictionary<string, byte[]> Files, SnapshotManifest Manifest);

public sealed record SnapshotFileEntry(string Path, long Size, string Sha256);

/// <summary>manifest.json: every file of the version with its size and SHA-256.</summary>
public sealed record SnapshotManifest
{
    public required string Version { get; init; }
    public required string ContentHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<string> Periods { get; init; }
    public required IReadOnlyList<SnapshotFileEntry> Files { get; init; }
    public string SchemaVersion { get; init; } = "1";
}

/// <summary>latest.json: the one small mutable document, pointing at the newest complete version.</summary>
public sealed record SnapshotPointer
{
    public required string Version { get; init; }
    public required string Path { get; init; }
    public required string ContentHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<string> Periods { get; init; }
}
