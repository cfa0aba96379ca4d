namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// Another run or publish holds the pipeline's lease and did not finish within the wait: one writer at a time.
/// HTTP answers 409, the CLI exits with a clear message.
/// </summary>
public sealed class PipelineBusyException(string message) : Exception(message)
{
    /// <summary>How long the holder's lease may still last (HTTP Retry-After).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(60);
}
