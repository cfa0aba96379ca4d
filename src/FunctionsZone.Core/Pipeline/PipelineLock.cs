using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Results;
using FunctionsZone.Core;

namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// One writer at a time over the pipeline's lease: runs, recomputes and publishes go through <see cref="ExclusiveAsync{T}"/>.
/// Nested calls in the same async flow share the hold, so a run's publish is part of the run, not a second writer.
/// </summary>
public sealed class PipelineLock(IPipelineLease lease)
{
    /// <summary>What one hold of the lease carries between its stages (recompute hands its last period to publish).</summary>
    public sealed class Hold(ILeaseHandle handle)
    {
        public ILeaseHandle Handle { get; } = handle;
        /// <summary>The period recompute saved last under this hold: publish takes it instead of reading it back.</summary>
        public PeriodResults? JustSaved { get; set; }
    }

    private readonly AsyncLocal<Hold?> _held = new();

    /// <summary>The hold of this async flow, or null outside <see cref="ExclusiveAsync{T}"/>.</summary>
    public Hold? Current => _held.Value;

    /// <summary>
    /// Runs <paramref name="work"/> holding the lease (waiting a bounded time for it, else PipelineBusyException). A lease
    /// that cannot be renewed cancels the work, which then ends in PipelineBusyException: it no longer owns the pipeline.
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(string purpose, Func<CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        if (_held.Value is not null) return await work(ct);
        await using var handle = await lease.AcquireAsync(purpose, ct);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, handle.Lost);
        _held.Value = new Hold(handle);
        try { return await work(linked.Token); }
        catch (OperationCanceledException) when (handle.Lost.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // Storage went away under the run: that is what the caller should hear (exit 3, 503), not a lost lease.
            if (handle.LostBecause is StorageUnavailableException down) throw new StorageUnavailableException(down.Message, down);
            throw new PipelineBusyException($"流水线租约丢失，「{purpose}」已停止，请重试 / The pipeline's lease was lost; '{purpose}' stopped, please retry");
        }
        finally { _held.Value = null; }
    }
}
