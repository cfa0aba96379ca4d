using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Core.Ports;

/// <summary>Published snapshot versions and the pointer to the latest one.</summary>
public interface ISnapshotStore : ISnapshotSource
{
    /// <summary>Writes every file of a version, then its manifest, and only then moves the latest pointer (If-Match on the ETag read first).</summary>
    Task PublishAsync(SnapshotVersion version, CancellationToken ct = default);
    /// <summary>Writes every file of a version, then its manifest (written once, never overwritten).</summary>
    Task WriteVersionAsync(SnapshotVersion version, CancellationToken ct = default);
    /// <summary>Starts a version whose objects are written as they are built (publish streams them); the manifest goes last, at commit.</summary>
    Task<ISnapshotDraft> BeginVersionAsync(CancellationToken ct = default);
    /// <summary>
    /// Points latest at the version if latest still has the ETag <paramref name="expected"/> (null: no latest yet) and
    /// is not newer; false when another publish moved it first.
    /// </summary>
    Task<bool> SwapLatestAsync(SnapshotVersion version, string? expected, CancellationToken ct = default);
    /// <summary>Deletes versions retention no longer keeps; never the latest, one newer, or one written within the lease time.</summary>
    Task<IReadOnlyList<string>> ApplyRetentionAsync(string latestVersion, CancellationToken ct = default);
    /// <summary>The latest pointer and its ETag, read at the start of a publish.</summary>
    Task<(SnapshotPointer? Pointer, string? ETag)> LatestWithETagAsync(CancellationToken ct = default);
    /// <summary>Where a reader finds the snapshot (a URL or a container path).</summary>
    string Location(string version);
}
