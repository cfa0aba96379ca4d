namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// One writer at a time: a run, a recompute and a publish hold the pipeline's lease (a blob lease in production,
/// renewed while held, released when disposed). A second holder waits a bounded time, then gets
/// <see cref="PipelineBusyException"/>.
/// </summary>
public interface IPipelineLease
{
    Task<ILeaseHandle> AcquireAsync(string purpose, CancellationToken ct = default);
}

/// <summary>
/// One import at a time (a blob lease of its own in production): held from an import's validation to the end of its
/// write, so two imports never validate against figures the other is about to change.
/// </summary>
public interface IImportLease : IPipelineLease;

/// <summary>A held lease. <see cref="Lost"/> fires when it could not be renewed: the holder stops writing.</summary>
public interface ILeaseHandle : IAsyncDisposable
{
    CancellationToken Lost { get; }
    /// <summary>Why the renewal failed, once Lost has fired (storage down: StorageUnavailableException).</summary>
    Exception? LostBecause { get; }
}
