using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Core.Ports;

/// <summary>
/// A version being written: objects go in as they are built, a bounded number in flight, and the manifest goes last, so a
/// reader never sees a version whose objects are not all in place.
/// </summary>
public interface ISnapshotDraft : IAsyncDisposable
{
    /// <summary>Queues the object's upload (skipped when the latest version names it already); waits only for a free slot.</summary>
    Task PutAsync(EncodedFile file, CancellationToken ct = default);
    /// <summary>An object's bytes (gunzipped) once every queued upload is in: briefings read the version's own files before it is committed.</summary>
    Task<byte[]?> ReadObjectAsync(string objectName, CancellationToken ct = default);
    /// <summary>Waits for every upload, then writes the manifest (once, never overwritten).</summary>
    Task CommitAsync(SnapshotManifest manifest, CancellationToken ct = default);
    /// <summary>
    /// Whether the latest version is whole: its manifest readable and every object it names present with the bytes its
    /// name hashes (objects put to this draft are re-written when they were not). An unchanged publish commits nothing
    /// only when it is; otherwise it publishes the same data as a new version, re-writing what was lost.
    /// </summary>
    Task<bool> LatestIntactAsync(CancellationToken ct = default) => Task.FromResult(true);
}
