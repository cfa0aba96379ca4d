using FunctionsZone.Core.Briefing;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Ingest.Validation;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Targets;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Results;
using FunctionsZone.Core.Publishing;
using FunctionsZone.Core.Tables;

namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// The monthly cycle's stages over one set of stores and one lock: <see cref="IngestStage"/> (a file to its kind's
/// importer), <see cref="RecomputeStage"/>, <see cref="PublishStage"/> and <see cref="MonthlyRun"/>. The timer, the HTTP
/// functions and fz take this one object from the composition root; none of it knows where storage lives.
/// </summary>
public sealed class MonthlyPipeline
{
    private readonly IReferenceStore _references;

    public MonthlyPipeline(IObservationStore observations, IReferenceStore references, IResultStore results, ISnapshotStore snapshots,
        IImportLog importLog, IDirtyPeriodStore dirty, IPipelineLease lease, ITableFileReader tables, TargetThresholds? targetThresholds = null,
        TimeProvider? clock = null, BriefingPublisher? briefings = null, IPipelineHook? hook = null, IImportLease? importLease = null)
    {
        _references = references;
        var time = clock ?? TimeProvider.System;
        var pause = hook ?? PipelineHook.None;
        Lock = new PipelineLock(lease);
        Ingest = new IngestStage(new ImportStores(observations, references, importLog, dirty, pause, Progress, time, tables), importLease);
        Recompute = new RecomputeStage(observations, references, results, Lock, targetThresholds ?? TargetThresholds.Default, pause, Progress);
        Publish = new PublishStage(references, results, snapshots, Lock, Recompute, briefings ?? BriefingPublisher.None, pause, Progress, time);
        Run = new MonthlyRun(Ingest, Recompute, Publish, observations, results, snapshots, dirty, Lock);
    }

    public PipelineLock Lock { get; }
    public PipelineProgress Progress { get; } = new();
    public IngestStage Ingest { get; }
    public RecomputeStage Recompute { get; }
    public PublishStage Publish { get; }
    public MonthlyRun Run { get; }

    /// <summary>Status thresholds of target progress (configuration FunctionsZone:Targets:OnTrack / Accelerate).</summary>
    public TargetThresholds TargetThresholds => Recompute.TargetThresholds;

    public Task<T> ExclusiveAsync<T>(string purpose, Func<CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        Lock.ExclusiveAsync(purpose, work, ct);

    public Task<ImportSummary> IngestAsync(InputFile file, IngestOptions options, CancellationToken ct = default) => Ingest.IngestAsync(file, options, ct);

    public IAsyncEnumerable<ImportSummary> IngestEachAsync(IReadOnlyList<InputFile> files, IngestOptions options, CancellationToken ct = default) =>
        Ingest.IngestEachAsync(files, options, ct);

    public Task<ImportSummary> RefuseAsync(string name, Finding finding, CancellationToken ct = default) => Ingest.RefuseAsync(name, finding, ct);

    public Task<ValidationRules> LoadValidationRulesAsync(CancellationToken ct = default) => ValidationRulesImporter.LoadAsync(_references, ct);

    public Task<PeriodResults> RecomputeAsync(Period period, CancellationToken ct = default) => Recompute.RecomputeAsync(period, ct);

    public Task<IReadOnlyList<string>> RecomputeAllAsync(IReadOnlyList<Period> periods, Action<PeriodResults>? each = null, CancellationToken ct = default) =>
        Recompute.RecomputeAllAsync(periods, each, ct);

    public Task<SnapshotPointer?> PublishAsync(CancellationToken ct = default) => Publish.PublishAsync(ct);

    public Task<PipelineRun> RunAsync(IEnumerable<InputFile> files, IngestOptions options, CancellationToken ct = default) => Run.RunAsync(files, options, ct);
}
