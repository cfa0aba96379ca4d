using System.Globalization;
using FunctionsZone.Cli.Output;
using FunctionsZone.Storage;

namespace FunctionsZone.Cli.Bench;

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

    public string ToText()
    {
        var w = new StringWriter();
        w.WriteLine($"== fz bench --size {Size}: {Zones} 开发区 zones × {Indicators} 指标 indicators × {Months} 月 months, {Agreement.Values:N0} values ==");
        w.WriteLine($"machine: {Machine.Processors} cores, {Machine.MemoryGiB:0.#} GiB, {Machine.Os}, .NET {Machine.Dotnet}, {Machine.StorageServer} ({Machine.Storage}); " +
                    $"WriteParallelism {WriteParallelism}, ceiling parallelism {CeilingParallelism}" +
                    (Machine.GcHeapLimitMiB is { } limit ? $"; GC heap limit {limit:0} MiB" : ""));
        var t = new TextTable("阶段 stage", "秒 s", "项 items", "项/秒 items/s", "存储 storage s", "内存 in-memory s", "峰值 peak MiB", "说明 note");
        foreach (var s in Stages)
            t.Add(s.Name, s.Measured ? F(s.Seconds, "0.000") : "not measured", s.Measured ? s.Items.ToString("N0", CultureInfo.InvariantCulture) : null,
                s.PerSecond is { } r ? r.ToString("N0", CultureInfo.InvariantCulture) : null, s.StorageSeconds is { } ss ? F(ss, "0.000") : null,
                s.InMemorySeconds is { } m ? F(m, "0.000") : null, s.PeakWorkingSetMiB is { } pk ? F(pk, "0") : null, s.Note);
        w.Write(t);
        w.WriteLine();
        var tx = new TextTable("阶段 stage", "批 batches", "查询页 query pages", "点读 point reads", "单写 entity writes", "blob 写 puts", "blob 读 gets", "列举 lists", "其他 other", "合计 total",
            "CPU fz s", "CPU 存储 storage s");
        foreach (var s in Stages.Where(s => s.Transactions is not null))
        {
            var c = s.Transactions!;
            tx.Add(s.Name, N(c.TableBatches), N(c.TableQueries), N(c.PointReads), N(c.TableWrites), N(c.BlobPuts), N(c.BlobGets), N(c.BlobLists), N(c.Other), N(c.Total),
                s.Cpu is { } u ? F(u.Self, "0.0") : null, s.Cpu?.Storage is { } st ? F(st, "0.0") : "—");
        }
        w.Write(tx);
        if (ImportReads.Count > 0)
            w.WriteLine($"reads per import: first {ImportReads[0].File} {ImportReads[0].ReadTransactions:N0} requests for {ImportReads[0].Values:N0} values, " +
                        $"last {ImportReads[^1].File} {ImportReads[^1].ReadTransactions:N0} for {ImportReads[^1].Values:N0}; storageReadsPerImportedValue {StorageReadsPerImportedValue:0.####}");
        w.WriteLine();
        var q = new TextTable("查询 query", "次数 n", "p50 ms", "p95 ms", "p99 ms", "说明 note");
        foreach (var x in Queries)
            q.Add(x.Name, x.Measured ? x.Iterations : "not measured", x.P50Ms is { } p50 ? F(p50, "0.00") : null, x.P95Ms is { } b ? F(b, "0.00") : null, x.P99Ms is { } c ? F(c, "0.00") : null, x.Note);
        w.Write(q);
        w.WriteLine();
        w.WriteLine($"memory: peak working set {Memory.PeakWorkingSetMiB:0} MiB (whole bench), pipeline stages {Memory.PipelinePeakWorkingSetMiB:0} MiB " +
                    $"(managed heap {Memory.PipelinePeakManagedHeapMiB:0} MiB" +
                    (Memory.PipelineGcHeapLimitMiB is { } heapLimit ? $", GC heap limit {heapLimit:0} MiB" : "") + $"), allocated {Memory.TotalAllocatedMiB:0} MiB");
        w.WriteLine($"ratios: ingestVsCeiling {Ratios.IngestVsCeiling:0.###}, ingestVsNaive {Ratios.IngestVsNaive:0.##}, endToEndVsCeiling {Ratios.EndToEndVsCeiling:0.##}, " +
                    $"recomputeVsCeilingRead {Ratios.RecomputeVsCeilingRead:0.##} (in-memory part {Ratios.RecomputeInMemoryVsCeilingRead:0.##}), " +
                    $"queryP99VsPointRead {(Ratios.QueryP99VsPointRead is { } qp ? qp.ToString("0.##", CultureInfo.InvariantCulture) : "—")}, " +
                    $"httpP99VsPointRead {(Ratios.HttpP99VsPointRead is { } hp ? hp.ToString("0.##", CultureInfo.InvariantCulture) : "—")}, " +
                    $"compositeVsCeilingRead {(Ratios.CompositeVsCeilingRead is { } cp ? cp.ToString("0.###", CultureInfo.InvariantCulture) : "—")}, " +
                    $"ingestStorageCpuVsCeiling {(Ratios.IngestStorageCpuVsCeiling is { } ic ? ic.ToString("0.###", CultureInfo.InvariantCulture) : "—")}, " +
                    $"endToEndStorageCpuVsCeiling {(Ratios.EndToEndStorageCpuVsCeiling is { } ec ? ec.ToString("0.##", CultureInfo.InvariantCulture) : "—")}");
        if (Composites is { } cs)
            w.WriteLine($"composites: {cs.Results} evaluations ({cs.FromRecompute} in recompute), {cs.Draws:N0} draws each" +
                        (cs.Schemes.Count > 0 ? $"; {string.Join(", ", cs.Schemes)}" : "") + (cs.Skipped.Count > 0 ? $"; not applicable: {string.Join("; ", cs.Skipped)}" : ""));
        w.WriteLine();
        var g = new TextTable("目标 goal", "达到 met", "说明 detail");
        foreach (var x in Goals) g.Add(x.Goal, x.Met switch { true => "yes", false => "NO", null => "n/a" }, x.Detail);
        w.Write(g);
        var a = Agreement;
        w.WriteLine();
        w.WriteLine($"agreement: {(a.Agrees ? "OK" : "MISMATCH")} — values {a.Values:N0}, ceiling wrote {a.CeilingWritten:N0} read {a.CeilingRead:N0}; " +
                    $"ingest imported {a.Imported:N0} updated {a.Updated:N0} unchanged {a.Unchanged:N0}, stored {a.StoredAfterIngest:N0}; " +
                    $"{a.Periods} periods, {a.Rankings:N0} rankings, {a.Targets:N0} target rows, {a.SnapshotFiles} snapshot files, {a.Composites} composites");
        return w.ToString();
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
