using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Pipeline;

/// <summary>What a write did: rows new, rows whose value changed, rows sent again unchanged.</summary>
public sealed record WriteCounts(int Imported, int Updated, int Unchanged);

/// <summary>Stored observations (Table Storage in production, see docs/storage.md).</summary>
public interface IObservationStore
{
    /// <summary>Writes the observations that are new or changed; identical values are left alone.</summary>
    Task<WriteCounts> WriteAsync(IReadOnlyList<Observation> observations, string importId, CancellationToken ct = default);
    Task<IReadOnlyList<Observation>> ReadPeriodsAsync(IEnumerable<Period> periods, CancellationToken ct = default);
    Task<IReadOnlyList<Period>> ListPeriodsAsync(CancellationToken ct = default);

    /// <summary>
    /// Every stored figure (with a value) of these zone × indicator series, from a per-series summary kept on write, so
    /// validation's outlier window and 1-N月 neighbours cost the same reads in month 12 as in month 1; null when the store
    /// keeps no summary, and the caller reads the periods instead.
    /// </summary>
    Task<IReadOnlyList<Observation>?> ReadSeriesAsync(IReadOnlyCollection<(string Zone, string Indicator)> series, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Observation>?>(null);
}

/// <summary>The registry, targets and published evaluation ranks.</summary>
public interface IReferenceStore
{
    Task SaveRegistryAsync(ZoneRegistry registry, CancellationToken ct = default);
    Task<ZoneRegistry> LoadRegistryAsync(CancellationToken ct = default);
    Task<WriteCounts> SaveTargetsAsync(IReadOnlyList<Target> targets, CancellationToken ct = default);
    Task<IReadOnlyList<Target>> LoadTargetsAsync(CancellationToken ct = default);
    Task<WriteCounts> SaveOfficialRanksAsync(IReadOnlyList<OfficialRank> ranks, CancellationToken ct = default);
    Task<IReadOnlyList<OfficialRank>> LoadOfficialRanksAsync(CancellationToken ct = default);
}

/// <summary>Recomputed results per period, staged for publishing.</summary>
public interface IResultStore
{
    Task SaveAsync(PeriodResults results, CancellationToken ct = default);
    Task<PeriodResults?> LoadAsync(Period period, CancellationToken ct = default);
    Task<IReadOnlyList<Period>> ListAsync(CancellationToken ct = default);
}

/// <summary>Import summaries, kept so every import can be looked up later (a PENDING one first, before any value is written).</summary>
public interface IImportLog
{
    Task SaveAsync(ImportSummary summary, CancellationToken ct = default);
}

/// <summary>What a reader of snapshots needs: the latest pointer and a version's files.</summary>
public interface ISnapshotSource
{
    Task<Snapshots.SnapshotPointer?> LatestAsync(CancellationToken ct = default);
    /// <summary>A file of a version, by its path inside the version; null when absent.</summary>
    Task<byte[]?> ReadAsync(string version, string path, CancellationToken ct = default);
}

/// <summary>Published snapshot versions and the pointer to the latest one.</summary>
public interface ISnapshotStore : ISnapshotSource
{
    /// <summary>Writes every file of a version, then its manifest, and only then moves the latest pointer (If-Match on the ETag read first).</summary>
    Task PublishAsync(Snapshots.SnapshotVersion version, CancellationToken ct = default);
    /// <summary>Writes every file of a version, then its manifest (written once, never overwritten).</summary>
    Task WriteVersionAsync(Snapshots.SnapshotVersion version, CancellationToken ct = default);
    /// <summary>Starts a version whose objects are written as they are built (publish streams them); the manifest goes last, at commit.</summary>
    Task<ISnapshotDraft> BeginVersionAsync(CancellationToken ct = default);
    /// <summary>
    /// Points latest at the version if latest still has the ETag <paramref name="expected"/> (null: no latest yet) and
    /// is not newer; false when another publish moved it first.
    /// </summary>
    Task<bool> SwapLatestAsync(Snapshots.SnapshotVersion version, string? expected, CancellationToken ct = default);
    /// <summary>Deletes versions retention no longer keeps; never the latest, one newer, or one written within the lease time.</summary>
    Task<IReadOnlyList<string>> ApplyRetentionAsync(string latestVersion, CancellationToken ct = default);
    /// <summary>The latest pointer and its ETag, read at the start of a publish.</summary>
    Task<(Snapshots.SnapshotPointer? Pointer, string? ETag)> LatestWithETagAsync(CancellationToken ct = default);
    /// <summary>Where a reader finds the snapshot (a URL or a container path).</summary>
    string Location(string version);
}

/// <summary>
/// A version being written: objects go in as they are built, a bounded number in flight, and the manifest goes last, so a
/// reader never sees a version whose objects are not all in place.
/// </summary>
public interface ISnapshotDraft : IAsyncDisposable
{
    /// <summary>Queues the object's upload (skipped when the latest version names it already); waits only for a free slot.</summary>
    Task PutAsync(Snapshots.EncodedFile file, CancellationToken ct = default);
    /// <summary>An object's bytes (gunzipped) once every queued upload is in: briefings read the version's own files before it is committed.</summary>
    Task<byte[]?> ReadObjectAsync(string objectName, CancellationToken ct = default);
    /// <summary>Waits for every upload, then writes the manifest (once, never overwritten).</summary>
    Task CommitAsync(Snapshots.SnapshotManifest manifest, CancellationToken ct = default);
    /// <summary>
    /// Whether the latest version is whole: its manifest readable and every object it names present with the bytes its
    /// name hashes (objects put to this draft are re-written when they were not). An unchanged publish commits nothing
    /// only when it is; otherwise it publishes the same data as a new version, re-writing what was lost.
    /// </summary>
    Task<bool> LatestIntactAsync(CancellationToken ct = default) => Task.FromResult(true);
}
