using FunctionsZone.Core;

namespace FunctionsZone.Core.Ports;

/// <summary>A held lease. <see cref="Lost"/> fires when it could not be renewed: the holder stops writing.</summary>
public interface ILeaseHandle : IAsyncDisposable
{
    CancellationToken Lost { get; }
    /// <summary>Why the renewal failed, once Lost has fired (storage down: StorageUnavailableException).</summary>
    Exception? LostBecause { get; }
}
