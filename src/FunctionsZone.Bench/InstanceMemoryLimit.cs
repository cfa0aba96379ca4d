namespace FunctionsZone.Bench;

/// <summary>
/// The GC heap limit a 512 MB Flex Consumption instance runs the pipeline under, for the bench's pipeline stages only.
/// In a container with a memory limit .NET caps the GC heap at 75 % of it (384 MiB of 512); on this machine, with
/// 23 GiB free, the GC keeps garbage instead and the working set follows it (a national publish holds 144 MiB live,
/// dotnet-gcdump, and peaked at 395–556 MiB unlimited). The ceiling, naive and query stages, which hold the bench's
/// own copies, run without it. Lowered and lifted with <see cref="GC.RefreshMemoryLimit"/>.
/// </summary>
public sealed class InstanceMemoryLimit : IDisposable
{
    public const long InstanceBytes = 512L * 1024 * 1024;
    public const long HeapLimitBytes = InstanceBytes / 4 * 3;
    private const string Setting = "GCHeapHardLimit";
    private readonly bool _applied;

    private InstanceMemoryLimit(bool applied, long limitBytes) { _applied = applied; LimitBytes = limitBytes; }

    /// <summary>The heap limit the stages ran under: this one, or a lower one already in effect (a container's, DOTNET_GCHeapHardLimit).</summary>
    public long LimitBytes { get; }
    public double LimitMiB => Math.Round(LimitBytes / 1024.0 / 1024);

    public static InstanceMemoryLimit Apply()
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available <= HeapLimitBytes) return new(false, available);
        // What the bench held before (the ceiling's entities) is released first: a limit below what is committed throws.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        AppContext.SetData(Setting, (ulong)HeapLimitBytes);
        GC.RefreshMemoryLimit();
        return new(true, HeapLimitBytes);
    }

    public void Dispose()
    {
        if (!_applied) return;
        // 0: no limit of its own, so the GC goes back to the machine's memory.
        AppContext.SetData(Setting, 0UL);
        GC.RefreshMemoryLimit();
    }
}
