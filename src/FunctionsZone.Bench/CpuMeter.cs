using System.Diagnostics;

namespace FunctionsZone.Bench;

/// <summary>CPU seconds used so far by this process and by the storage's process (null when it is not known or gone).</summary>
public readonly record struct CpuReading(double Self, double? Storage)
{
    public static CpuReading operator -(CpuReading a, CpuReading b) =>
        new(Math.Round(a.Self - b.Self, 2), a.Storage is { } x && b.Storage is { } y ? Math.Round(x - y, 2) : null);
}

/// <summary>
/// Who did a stage's work. On one machine the local emulator's single Node.js thread is what bounds a stage (a national
/// month's ingest: Azurite 109 s of CPU in 112 s, fz 18 s), so its CPU seconds say how much work a stage gave the
/// storage, however fast the emulator happened to be meanwhile; wall-clock ratios between passes of the same writes
/// vary by 1.5 × on this machine. scripts/bench.sh names Azurite's process (<see cref="StoragePidVariable"/>).
/// </summary>
public sealed class CpuMeter(int? storagePid)
{
    public const string StoragePidVariable = "FZ_BENCH_STORAGE_PID";

    public static int? StoragePidFromEnvironment(string variable = StoragePidVariable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var pid) && pid > 0 ? pid : null;

    public CpuReading Read() => new(Self(), Storage());

    private static double Self()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime.TotalSeconds;
    }

    private double? Storage()
    {
        if (storagePid is not { } pid) return null;
        try
        {
            using var p = Process.GetProcessById(pid);
            return p.TotalProcessorTime.TotalSeconds;
        }
        // Gone, never there, or not ours to read: the figure is unknown, the bench goes on.
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }
}
