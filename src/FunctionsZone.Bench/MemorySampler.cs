using System.Diagnostics;

namespace FunctionsZone.Bench;

/// <summary>Samples the working set and the managed heap every 50 ms while the pipeline's stages run.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakWorkingSet, _peakHeap;

    public MemorySampler()
    {
        _loop = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                Sample(process);
                try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
            }
            Sample(process);
        });
    }

    private void Sample(Process process)
    {
        process.Refresh();
        _peakWorkingSet = Math.Max(_peakWorkingSet, process.WorkingSet64);
        _stagePeak = Math.Max(_stagePeak, process.WorkingSet64);
        _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(false));
    }

    private long _stagePeak;

    /// <summary>The peak working set since the last call (one stage's peak), in bytes.</summary>
    public long TakeStagePeak()
    {
        Sample(Process.GetCurrentProcess());
        return Interlocked.Exchange(ref _stagePeak, 0);
    }

    public long PeakWorkingSet => Interlocked.Read(ref _peakWorkingSet);
    public long PeakHeap => Interlocked.Read(ref _peakHeap);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }
}

/// <summary>A window's peaks: the last stage's working set, and the whole window's working set and managed heap.</summary>
public readonly record struct MemoryPeaks(long Stage, long WorkingSet, long Heap);
