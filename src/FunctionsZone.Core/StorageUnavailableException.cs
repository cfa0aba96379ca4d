namespace FunctionsZone.Core;

/// <summary>
/// Storage did not answer within its bounded time (down, unreachable, or accepting and never replying).
/// Stores throw it instead of the SDK's transport errors; the CLI prints one line and exits 3, HTTP answers 503
/// with Retry-After.
/// </summary>
public class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long a client should wait before trying again (HTTP Retry-After).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// A snapshot object a manifest names is missing, or its bytes do not hash to the SHA-256 it is named by: a storage
/// fault, not a lookup miss (never "unknown zone"). Handled as storage unavailable (HTTP 503, fz exit 3); the next
/// publish re-writes an object the latest version names (docs/snapshots.md, Verification).
/// </summary>
public sealed class SnapshotIntegrityException(string message) : StorageUnavailableException(message);
