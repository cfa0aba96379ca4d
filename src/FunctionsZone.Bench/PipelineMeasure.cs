using FunctionsZone.Core.Domain;
using FunctionsZone.Storage.Observations;

namespace FunctionsZone.Bench;

/// <summary>
/// FunctionsZone's pipeline on the real stores, as a 512 MB instance runs it (under its GC heap limit,
/// InstanceMemoryLimit): the second ingest pass on the run's tables, then recompute and publish on what it wrote.
/// </summary>
public sealed record PipelineMeasure(IngestPass First, IngestPass Second, BenchStage Ingest, IReadOnlyList<Period> Periods,
    RecomputeMeasure Recompute, PublishMeasure Publish, long PeakWorkingSet, long PeakHeap, double? HeapLimitMiB)
{
    /// <summary>The pass the report's ingest figures come from.</summary>
    public IngestPass Best => IngestPass.Better(First, Second);
    public double EndToEndSeconds => Best.Figures.Seconds + Recompute.Figures.Seconds + Publish.Figures.Seconds;

    public static async Task<PipelineMeasure> RunAsync(BenchRun run, InputValues values, (IngestPass Pass, MemoryPeaks Peaks) first, CancellationToken ct)
    {
        using var limit = run.Settings.InstanceHeapLimit ? InstanceMemoryLimit.Apply() : null;
        await using var memory = new MemorySampler();
        run.Say($"ingest: second pass (first {first.Pass.Figures.Seconds:0.0} s)");
        var second = await IngestPass.RunAsync(run.Services, run.Cpu, run.Input.Files, values.ByPeriod, run.Input.Generated, run.Progress, ct);
        var ingest = IngestPass.Stage(first.Pass, second, values.Count, BenchMath.MiB(Math.Max(first.Peaks.Stage, memory.TakeStagePeak())));
        var periods = await run.Services.Get<TableObservationStore>().ListPeriodsAsync(ct);
        memory.TakeStagePeak();
        var recompute = await RecomputeMeasure.RunAsync(run, periods, memory, ct);
        var publish = await PublishMeasure.RunAsync(run, memory, ct);
        return new PipelineMeasure(first.Pass, second, ingest, periods, recompute, publish,
            Math.Max(first.Peaks.WorkingSet, memory.PeakWorkingSet), Math.Max(first.Peaks.Heap, memory.PeakHeap), limit?.LimitMiB);
    }
}
