using System.Diagnostics;
using FunctionsZone.Storage;

namespace FunctionsZone.Bench;

/// <summary>What a stage took: wall clock, time in the stores' calls, the requests sent, and CPU (fz's and the storage's).</summary>
public readonly record struct StageFigures(double Seconds, double StorageSeconds, StorageTransactionCounts Transactions, CpuReading Cpu);

/// <summary>Where a stage began; <see cref="Take"/> is the stage's share of every counter since.</summary>
public sealed class StageMark
{
    private readonly BenchServices _services;
    private readonly CpuMeter _cpu;
    private readonly Stopwatch _watch;
    private readonly StorageTransactionCounts _transactions;
    private readonly CpuReading _cpuAt;

    private StageMark(BenchServices services, CpuMeter cpu)
    {
        _services = services;
        _cpu = cpu;
        services.Storage.Reset();
        services.ObservationReads.Reset();
        _transactions = services.Transactions.Snapshot();
        _cpuAt = cpu.Read();
        _watch = Stopwatch.StartNew();
    }

    public static StageMark Start(BenchServices services, CpuMeter cpu) => new(services, cpu);

    public StageFigures Take() => new(_watch.Elapsed.TotalSeconds, _services.Storage.Elapsed.TotalSeconds,
        _services.Transactions.Snapshot() - _transactions, _cpu.Read() - _cpuAt);
}
