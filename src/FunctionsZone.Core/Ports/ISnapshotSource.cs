using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Core.Ports;

/// <summary>What a reader of snapshots needs: the latest pointer and a version's files.</summary>
public interface ISnapshotSource
{
    Task<SnapshotPointer?> LatestAsync(CancellationToken ct = default);
    /// <summary>A file of a version, by its path inside the version; null when absent.</summary>
    Task<byte[]?> ReadAsync(string version, string path, CancellationToken ct = default);
}
