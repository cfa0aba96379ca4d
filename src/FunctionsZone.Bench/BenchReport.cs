using FunctionsZone.Storage;

namespace FunctionsZone.Bench;

/// <summary>One stage's figures. Measured = false marks a stage the run could not measure (its Note says why).</summary>
public sealed record BenchStage(string Name, bool Measured, double Seconds, long Items, double? PerSecond,
    double? StorageSeconds = null, double? InMemorySeconds = null, string? Note = null, double? PeakWorkingSetMiB = null)
{
    /// <summary>The storage requests the stage sent, counted by kind in the clients' pipeline (StorageTransactions).</summary>
    public StorageTransactionCounts? Transactions { get; init; }
    /// <summary>CPU seconds of this process and of the storage's (Azurite's, when the bench knows it) over the stage (CpuMeter).</summary>
    public CpuReading? Cpu { get; init; }
}

/// <summary>One observation file's import: its values and the read requests it made (table query pages, point reads, blob gets).</summary>
public sealed record BenchImportReads(string File, string Periods, long Values, long ReadTransactions, StorageTransactionCounts Transactions);

public sealed record BenchQuery(string Name, bool Measured, int Iterations, double? P50Ms, double? P95Ms, double? P99Ms, string? Note = null);

public sealed record BenchMemory(double PeakWorkingSetMiB, double PipelinePeakWorkingSetMiB, double PipelinePeakManagedHeapMiB, double TotalAllocatedMiB)
{
    /// <summary>The GC heap limit the pipeline's stages ran under (InstanceMemoryLimit: a 512 MB instance's 384 MiB, or a lower one in effect).</summary>
    public double? PipelineGcHeapLimitMiB { get; init; }
}

/// <summary>Ratios computed inside the run, from figures of the same run on the same storage.</summary>
public sealed record BenchRatios(
    double IngestVsCeiling, double IngestVsNaive, double EndToEndVsCeiling,
    double RecomputeVsCeilingRead, double RecomputeInMemoryVsCeilingRead, double? QueryP99VsPointRead)
{
    /// <summary>The composite step alone (EvaluationStep.Composites over every period) ÷ the ceiling's read; null when no scheme evaluated.</summary>
    public double? CompositeVsCeilingRead { get; init; }
    /// <summary>The slowest p99 over HTTP through `fz serve` ÷ the raw point read's p99.</summary>
    public double? HttpP99VsPointRead { get; init; }
    /// <summary>Ingest's read requests (query pages, point reads, blob gets and lists) ÷ the values it imported.</summary>
    public double StorageReadsPerImportedValue { get; init; }
    /// <summary>
    /// The storage's CPU seconds over ingest ÷ over the ceiling's write of the same values: the work ingest gave the
    /// storage beyond the ceiling's, whatever its speed meanwhile; null when the storage's process is not known.
    /// </summary>
    public double? IngestStorageCpuVsCeiling { get; init; }
    /// <summary>The storage's CPU seconds over ingest + recompute + publish ÷ over the ceiling's write and read.</summary>
    public double? EndToEndStorageCpuVsCeiling { get; init; }
}

/// <summary>
/// The composite evaluation (the ingested schemes) re-timed alone on the run's data: Results evaluations (scheme × period) with up to
/// Draws Monte Carlo draws each; FromRecompute is how many recompute itself produced (they should be equal); Skipped says which schemes
/// did not apply to the data and why.
/// </summary>
public sealed record BenchReads(double Seconds, long Entities);

public sealed record BenchComposites(int Results, int FromRecompute, int Draws, double Seconds, IReadOnlyList<string> Schemes, IReadOnlyList<string> Skipped);

public sealed record BenchGoal(string Goal, bool? Met, string Detail);

/// <summary>What was written and read back, so a run shows its outputs agree, not only how fast it was.</summary>
public sealed record BenchAgreement(long Values, long CeilingWritten, long CeilingRead, long Imported, long Updated, long Unchanged,
    long StoredAfterIngest, int Periods, int Rankings, int Targets, int SnapshotFiles, bool Agrees)
{
    /// <summary>Composite evaluations recompute produced (the re-timed step must produce as many).</summary>
    public int Composites { get; init; }
}

public sealed record BenchMachine(int Processors, double MemoryGiB, string Os, string Dotnet, string Storage, string StorageServer)
{
    /// <summary>The GC's heap limit when one is in effect (a container's memory limit, or DOTNET_GCHeapHardLimit), else null.</summary>
    public double? GcHeapLimitMiB { get; init; }
}

public sealed record BenchReport
{
    public required string Size { get; init; }
    /// <summary>The prefix of the run's own tables and containers (deleted at the end unless --keep).</summary>
    public required string RunId { get; init; }
    public required int Zones { get; init; }
    public required int Indicators { get; init; }
    public required int Months { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required BenchMachine Machine { get; init; }
    public required int WriteParallelism { get; init; }
    public required int CeilingParallelism { get; init; }
    public required IReadOnlyList<BenchStage> Stages { get; init; }
    public required IReadOnlyList<BenchQuery> Queries { get; init; }
    public required BenchMemory Memory { get; init; }
    public required BenchRatios Ratios { get; init; }
    public required IReadOnlyList<BenchGoal> Goals { get; init; }
    public required BenchAgreement Agreement { get; init; }
    public BenchComposites? Composites { get; init; }
    /// <summary>What ingest spent reading stored observations (the validation's context: the file's year and outlier window).</summary>
    public BenchReads? IngestObservationReads { get; init; }
    /// <summary>Each observation file's read requests, in import order: constant through the year when the outlier summary serves validation.</summary>
    public IReadOnlyList<BenchImportReads> ImportReads { get; init; } = [];
    /// <summary>Both ingest passes' wall clock, in the order run (IngestPass): the ingest line is the better one.</summary>
    public IReadOnlyList<double> IngestPassSeconds { get; init; } = [];
    // The three named ratios also at the top level, where dashboards and the issue look for them.
    public double IngestVsCeiling => Ratios.IngestVsCeiling;
    public double IngestVsNaive => Ratios.IngestVsNaive;
    public double EndToEndVsCeiling => Ratios.EndToEndVsCeiling;
    public double StorageReadsPerImportedValue => Ratios.StorageReadsPerImportedValue;
    /// <summary>The peak working set of the pipeline's stages (ingest, recompute, publish), MiB.</summary>
    public double PeakMiB => Memory.PipelinePeakWorkingSetMiB;
    /// <summary>The publish after a one-zone correction (Bench/IncrementalPublish.cs); its share of a full publish's blobs.</summary>
    public BenchIncrementalPublish? IncrementalPublish { get; init; }
    public double? PublishIncrementalShare => IncrementalPublish?.Share;
}
