using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Storage.Pipeline;

/// <summary>
/// The pipeline's one-writer lock: a lease on the blob "{locks}/pipeline" (LeaseSeconds, renewed every third of it,
/// released when the holder is done; a holder that dies loses it when it runs out). A second caller retries for
/// LeaseWaitSeconds, then gets PipelineBusyException naming what holds it. See docs/reliability.md.
/// </summary>
public sealed class BlobPipelineLease(StorageClients clients)
    : BlobLease(clients, BlobName, clients.Options.LeaseWaitSeconds, "流水线", "pipeline"), IPipelineLease
{
    public const string BlobName = "pipeline";
}

/// <summary>
/// One import at a time, by any route and on any instance: a lease on "{locks}/imports", held from an import's
/// validation to the end of its write, so validation always sees what it guards (part ≤ whole) and a correction's
/// history row starts from the value the one before it stored. A second import waits up to ImportWaitSeconds.
/// </summary>
public sealed class BlobImportLease(StorageClients clients)
    : BlobLease(clients, BlobName, clients.Options.ImportWaitSeconds, "导入", "imports"), IImportLease
{
    public const string BlobName = "imports";
}

/// <summary>A lease on one blob of the locks container, renewed while held; what the pipeline's and the imports' locks share.</summary>
public abstract class BlobLease(StorageClients clients, string blobName, int waitSeconds, string whatZh, string whatEn)
{
    public async Task<ILeaseHandle> AcquireAsync(string purpose, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var options = clients.Options;
        var blob = clients.Container(options.LocksContainer).GetBlobClient(blobName);
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, ct);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412) { /* exists (and may be leased) */ }

        var lease = blob.GetBlobLeaseClient();
        var duration = TimeSpan.FromSeconds(options.LeaseSeconds);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(waitSeconds);
        while (true)
        {
            try
            {
                await lease.AcquireAsync(duration, cancellationToken: ct);
                break;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                if (DateTimeOffset.UtcNow >= deadline) throw await BusyAsync(blob, duration, ct);
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            }
        }
        try
        {
            await blob.SetMetadataAsync(new Dictionary<string, string>
            {
                ["purpose"] = Uri.EscapeDataString(purpose), ["since"] = DateTimeOffset.UtcNow.ToString("O"), ["host"] = Uri.EscapeDataString(Environment.MachineName),
            }, new BlobRequestConditions { LeaseId = lease.LeaseId }, ct);
        }
        catch (RequestFailedException) { /* who holds it is for messages only */ }
        return new Handle(lease, duration);
    }

    private async Task<PipelineBusyException> BusyAsync(BlobClient blob, TimeSpan duration, CancellationToken ct)
    {
        string purpose = "?", since = "?";
        try
        {
            var p = await blob.GetPropertiesAsync(cancellationToken: ct);
            var m = p.Value.Metadata;
            purpose = m.TryGetValue("purpose", out var pu) ? Uri.UnescapeDataString(pu) : "?";
            since = m.TryGetValue("since", out var si) ? si : "?";
        }
        catch (RequestFailedException) { }
        return new PipelineBusyException(
            $"{whatZh}正忙：另一个「{purpose}」自 {since} 起持有租约，请稍后重试 / The {whatEn} lock is busy: another '{purpose}' holds its lease since {since}; try again later")
        { RetryAfter = duration };
    }

    private sealed class Handle : ILeaseHandle
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Handle(BlobLeaseClient lease, TimeSpan duration)
        {
            _lease = lease;
            _renewing = RenewAsync(duration / 3);
        }

        public CancellationToken Lost => _lost.Token;
        public Exception? LostBecause { get; private set; }

        private async Task RenewAsync(TimeSpan every)
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(every, _stop.Token);
                    await _lease.RenewAsync(cancellationToken: _stop.Token);
                }
                catch (OperationCanceledException) when (_stop.IsCancellationRequested) { return; }
                catch (Exception e)
                {
                    // Not renewed (storage down, or the lease was broken): stop writing as the pipeline's owner.
                    LostBecause = e;
                    _lost.Cancel();
                    return;
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            try { await _renewing; } catch (Exception) { }
            try { if (!_lost.IsCancellationRequested) await _lease.ReleaseAsync(); }
            catch (Exception) { /* it runs out on its own */ }
            _stop.Dispose();
            _lost.Dispose();
        }
    }
}
