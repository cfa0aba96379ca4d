namespace FunctionsZone.Functions.Http;

/// <summary>FunctionsZone:Ingest:MaxConcurrentUploads (default 2) and :UploadWaitSeconds (default 30).</summary>
public sealed record UploadGateOptions
{
    public const string Section = "FunctionsZone:Ingest";
    /// <summary>How many uploads the worker holds in memory at once (each up to MaxFileBytes, and its parse).</summary>
    public int MaxConcurrentUploads { get; init; } = 2;
    /// <summary>How long an upload waits for a place before it is answered 503 with Retry-After.</summary>
    public int UploadWaitSeconds { get; init; } = 30;
}

/// <summary>
/// Bounds the uploads held in memory at once (issue 31 #13: ten parallel 8 MB dry runs took the worker to 2.8 GB):
/// an upload takes a place before its body is read and keeps it until its import (or dry run) ends; one that finds
/// no place within the wait is refused (null), never queued without end. <see cref="InUse"/> and <see cref="Refused"/>
/// are what the gate has seen, for tests and diagnostics. When the last upload leaves, one compacting collection gives
/// the memory back to the system: uploads come in bursts (a month's files), and an idle worker should not keep a burst's peak.
/// </summary>
public sealed class UploadGate(UploadGateOptions options)
{
    private readonly SemaphoreSlim _places = new(options.MaxConcurrentUploads, options.MaxConcurrentUploads);
    private long _refused;

    public UploadGateOptions Options { get; } = options;
    public int InUse => Options.MaxConcurrentUploads - _places.CurrentCount;
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>A place, released by disposing it; null when none came free within UploadWaitSeconds.</summary>
    public async Task<IDisposable?> EnterAsync(CancellationToken ct)
    {
        if (await _places.WaitAsync(TimeSpan.FromSeconds(Options.UploadWaitSeconds), ct)) return new Place(this);
        Interlocked.Increment(ref _refused);
        return null;
    }

    private void Leave()
    {
        _places.Release();
        // Aggressive: compacts the large object heap (where the bodies live) and decommits what is free.
        if (InUse == 0) GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private sealed class Place(UploadGate gate) : IDisposable
    {
        private int _released;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Leave();
        }
    }
}
