using System.Diagnostics;

namespace FunctionsZone.Bench;

/// <summary>The report of one run from its measurements: the stage lines in the report's order, ratios, goals, memory and agreement.</summary>
public static class BenchReportBuilder
{
    public static BenchReport Build(BenchRun run, DateTimeOffset started, InputValues values, CeilingMeasure ceiling, PipelineMeasure pipeline,
        RerunMeasure rerun, IReadOnlyList<BenchQuery> queries, BenchMachine machine)
    {
        var stages = Stages(values, ceiling, pipeline, rerun);
        var ratios = RatioMeasure.Of(stages, queries, ceiling, pipeline, ceiling.Naive, rerun.Composites);
        var memory = Memory(pipeline, rerun);
        var best = pipeline.Best;
        return new BenchReport
        {
            Size = run.Size.ToString().ToLowerInvariant(), RunId = run.Id, Zones = run.Input.Registry.Zones.Count, Indicators = run.Input.Registry.Indicators.Count,
            Months = values.Months, StartedAt = started, Machine = machine, WriteParallelism = run.Services.Clients.Options.WriteParallelism,
            CeilingParallelism = ceiling.Parallelism, Stages = stages, Queries = queries, Memory = memory, Ratios = ratios,
            Goals = BenchGoals.Of(new BenchGoalInputs(ratios, memory, run.Size, rerun.Composites, best.ImportReads, rerun.Incremental)),
            IncrementalPublish = rerun.Incremental, Agreement = Agreement(values, ceiling, pipeline, rerun), Composites = rerun.Composites,
            IngestObservationReads = new BenchReads(Math.Round(best.ObservationReadSeconds, 3), best.ObservationReadEntities),
            ImportReads = best.ImportReads,
            IngestPassSeconds = [Math.Round(pipeline.First.Figures.Seconds, 3), Math.Round(pipeline.Second.Figures.Seconds, 3)],
        };
    }

    /// <summary>Ceiling, naive, ingest, recompute, its composite step, publish, end to end, and the publish after a correction.</summary>
    private static List<BenchStage> Stages(InputValues values, CeilingMeasure ceiling, PipelineMeasure pipeline, RerunMeasure rerun)
    {
        var endToEnd = pipeline.EndToEndSeconds;
        return
        [
            .. ceiling.Stages(),
            ceiling.Naive.Stage,
            pipeline.Ingest,
            pipeline.Recompute.Stage,
            rerun.CompositeStage,
            pipeline.Publish.Stage,
            new BenchStage("end to end (ingest + recompute + publish)", true, endToEnd, values.Count, values.Count / endToEnd),
            rerun.IncrementalStage,
        ];
    }

    private static BenchMemory Memory(PipelineMeasure pipeline, RerunMeasure rerun)
    {
        using var process = Process.GetCurrentProcess();
        return new BenchMemory(BenchMath.MiB(process.PeakWorkingSet64), BenchMath.MiB(pipeline.PeakWorkingSet), BenchMath.MiB(pipeline.PeakHeap),
            BenchMath.MiB(rerun.AllocatedBytes)) { PipelineGcHeapLimitMiB = pipeline.HeapLimitMiB };
    }

    /// <summary>What was written and read back agrees: every value through the ceiling, ingest and the store; results published.</summary>
    private static BenchAgreement Agreement(InputValues values, CeilingMeasure ceiling, PipelineMeasure pipeline, RerunMeasure rerun)
    {
        var (v, read, second, recompute) = (values.Count, ceiling.ReadCount, pipeline.Second, pipeline.Recompute);
        var files = pipeline.Publish.SnapshotFiles;
        return new BenchAgreement(v, v, read, second.Imported, second.Updated, second.Unchanged, rerun.Stored, pipeline.Periods.Count,
            recompute.Rankings, recompute.Targets, files,
            Agrees: read == v && second.Written == v && rerun.Stored == v && recompute.Rankings > 0 && files > 0
                    && rerun.Composites.Results == recompute.Composites.Count)
        { Composites = recompute.Composites.Count };
    }
}
