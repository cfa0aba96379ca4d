namespace FunctionsZone.Core.Snapshots;

/// <summary>What a reader asked for is not in the published snapshot (a zone, period or file).</summary>
public sealed class SnapshotNotFoundException(string message) : Exception(message);
