using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Publishing;
using FunctionsZone.Core.Tables;
using FunctionsZone.Core.Targets;
using FunctionsZone.Formats;

namespace FunctionsZone.Storage.Memory;

/// <summary>
/// One storage account in memory: every port the pipeline takes, and the pipeline over them, built as the composition
/// root builds it over tables and blobs. For the pipeline's logic tests; nothing here outlives the object.
/// </summary>
public sealed class MemoryStorage(TimeProvider? clock = null, TimeSpan? leaseWait = null)
{
    private readonly TimeSpan _wait = leaseWait ?? TimeSpan.FromSeconds(30);
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;
    public MemoryObservationStore Observations => field ??= new(Clock);
    public MemoryReferenceStore References { get; } = new();
    public MemoryResultStore Results { get; } = new();
    public MemoryImportLog ImportLog { get; } = new();
    public MemorySnapshotStore Snapshots => field ??= new(Clock);
    public MemoryDirtyPeriodStore Dirty { get; } = new();
    public MemoryLease PipelineLease => field ??= new(_wait, "流水线", "pipeline");
    public MemoryLease ImportLease => field ??= new(_wait, "导入", "imports");
    /// <summary>
    /// The briefings every publish renders: none unless given (rendering lives in FunctionsZone.Rendering, which Core and
    /// this project do not reference; the briefing's own tests render it).
    /// </summary>
    public BriefingPublisher Briefings { get; init; } = BriefingPublisher.None;

    /// <summary>The reader of table files, FunctionsZone.Formats' as the composition root registers it.</summary>
    public ITableFileReader Tables { get; init; } = new CsvTableReader();

    /// <summary>The pipeline on these stores (each call a new one, sharing the stores and the leases, as two instances would).</summary>
    public MonthlyPipeline Pipeline(TargetThresholds? thresholds = null, BriefingPublisher? briefings = null, IPipelineHook? hook = null) =>
        new(Observations, References, Results, Snapshots, ImportLog, Dirty, PipelineLease, Tables, thresholds, Clock, briefings ?? Briefings, hook, ImportLease);
}
