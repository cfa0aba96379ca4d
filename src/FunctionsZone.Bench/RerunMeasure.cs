using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Storage.Observations;

namespace FunctionsZone.Bench;

/// <summary>
/// The bench's own re-runs after the pipeline, outside its memory window: the stored values counted back, the composite
/// step re-timed alone, the memory allocated since the pipeline began, and the publish after a one-zone correction.
/// </summary>
public sealed record RerunMeasure(long Stored, BenchComposites Composites, BenchStage CompositeStage, long AllocatedBytes,
    BenchIncrementalPublish Incremental, BenchStage IncrementalStage)
{
    public static async Task<RerunMeasure> RunAsync(BenchRun run, PipelineMeasure pipeline, long allocatedBefore, CancellationToken ct)
    {
        var stored = (await run.Services.Get<TableObservationStore>().ReadPeriodsAsync(pipeline.Periods, ct)).Count;
        var (composites, compositeStage) = await CompositeMeasure.RunAsync(run, pipeline.Periods, pipeline.Recompute, ct);
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        run.Say("publish: after a one-zone correction");
        var incremental = await IncrementalPublish.MeasureAsync(run.Services.Pipeline, run.Services.Clients, run.Input.Registry,
            run.Services.Get<SnapshotReader>(), pipeline.Publish.Published, ct);
        var incrementalStage = new BenchStage("publish after a one-zone correction", true, incremental.Seconds, incremental.Written, incremental.Written / incremental.Seconds,
            Note: $"items = blobs written ({incremental.Share:P2} of the full publish's {incremental.FullWritten:N0})");
        return new RerunMeasure(stored, composites, compositeStage, allocated, incremental, incrementalStage);
    }
}
