namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// Storage did not answer within its bounded time (down, unreachable, or accepting and never replying).
/// Stores throw it instead of the SDK's transport errors; the CLI prints one line and exits 3, HTTP answers 503
/// with Retry-After.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>How long a client should wait before trying again (HTTP Retry-After).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);
}
