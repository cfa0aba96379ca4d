namespace FunctionsZone.Core.Ports;

/// <summary>
/// One writer at a time: a run, a recompute and a publish hold the pipeline's lease (a blob lease in production,
/// renewed while held, released when disposed). A second holder waits a bounded time, then gets
/// Pipeline.PipelineBusyException.
/// </summary>
public interface IPipelineLease
{
    Task<ILeaseHandle> AcquireAsync(string purpose, CancellationToken ct = default);
}
