namespace FunctionsZone.Bench;

/// <summary>What a run's goals are judged on: its ratios, memory, size, composites and the reads of each import.</summary>
public sealed record BenchGoalInputs(BenchRatios Ratios, BenchMemory Memory, BenchSize Size, BenchComposites Composites, IReadOnlyList<BenchImportReads> ImportReads,
    BenchIncrementalPublish? IncrementalPublish);

/// <summary>
/// The goals `fz bench` marks met or not (issue 15 and before). Each goal is one entry of <see cref="All"/>: a goal of another
/// concern (publish) adds its own entry there, from its own figures.
/// </summary>
public static class BenchGoals
{
    public static readonly List<Func<BenchGoalInputs, BenchGoal>> All =
    [
        IngestVsCeiling, EndToEnd, ReadsConstant, PeakMemory,
        i => new("ingest ≥ 8 × naive", i.Ratios.IngestVsNaive >= 8, $"ingestVsNaive = {i.Ratios.IngestVsNaive:0.##}"),
        // Recompute must read the data it ranks: with its reads it cannot beat the ceiling's read of the same data,
        // so the goal is judged on its own work (in memory) and the total is shown beside it.
        i => new("recompute (in memory) well under the ceiling's read (≤ 0.5×)", i.Ratios.RecomputeInMemoryVsCeilingRead <= 0.5,
            i.Composites.Results > 0
                ? $"in memory {i.Ratios.RecomputeInMemoryVsCeilingRead:0.##}× the ceiling read, including {i.Composites.FromRecompute} composite evaluations with {i.Composites.Draws:N0} draws ({i.Ratios.CompositeVsCeilingRead:0.##}× alone)"
                : $"in memory {i.Ratios.RecomputeInMemoryVsCeilingRead:0.##}× the ceiling read; no composite scheme evaluated on this data"),
        i => new("recompute incl. its storage reads ≤ 1× the ceiling's read", i.Ratios.RecomputeVsCeilingRead <= 1,
            $"recompute ÷ ceiling read = {i.Ratios.RecomputeVsCeilingRead:0.##}"),
        i => new("query p99 ≤ 2 × raw point read (function classes)", i.Ratios.QueryP99VsPointRead is { } q ? q <= 2 : null,
            i.Ratios.QueryP99VsPointRead is { } q2 ? $"slowest function p99 ÷ point-read p99 = {q2:0.##}" : "no function measured"),
        i => IncrementalPublish.Goal(i.IncrementalPublish, i.Size == BenchSize.National),
    ];

    public static IReadOnlyList<BenchGoal> Of(BenchGoalInputs inputs) => All.Select(g => g(inputs)).ToList();

    // Medium ≥ 0.8, national ≥ 0.9 (issue 15); the seeds are too small for a ratio to mean much, judged as medium.
    private static BenchGoal IngestVsCeiling(BenchGoalInputs i)
    {
        var goal = i.Size == BenchSize.National ? 0.9 : 0.8;
        return new($"ingest ≥ {goal} × ceiling write", i.Ratios.IngestVsCeiling >= goal, $"ingestVsCeiling = {i.Ratios.IngestVsCeiling:0.###}");
    }

    private static BenchGoal EndToEnd(BenchGoalInputs i) =>
        new("end to end ≤ 1.5 × (ceiling write + read)", i.Ratios.EndToEndVsCeiling <= 1.5, $"endToEndVsCeiling = {i.Ratios.EndToEndVsCeiling:0.##}");

    // The last month's import reads no more than the first's (per value): the outlier window comes from a summary, not the stored months.
    private static BenchGoal ReadsConstant(BenchGoalInputs i)
    {
        if (i.ImportReads.Count < 2) return new("an import's reads constant through the year", null, "one observation file: nothing to compare");
        var (first, last) = (i.ImportReads[0], i.ImportReads[^1]);
        double Per(BenchImportReads r) => r.Values == 0 ? 0 : (double)r.ReadTransactions / r.Values;
        return new("an import's reads constant through the year", Per(last) <= Per(first) * 1.05 + 1e-9,
            $"first {first.File}: {first.ReadTransactions:N0} reads / {first.Values:N0} values; last {last.File}: {last.ReadTransactions:N0} / {last.Values:N0}; " +
            $"storageReadsPerImportedValue {i.Ratios.StorageReadsPerImportedValue:0.####}");
    }

    private static BenchGoal PeakMemory(BenchGoalInputs i) =>
        new("peak working set ≤ 512 MiB (national, pipeline stages)", i.Size == BenchSize.National ? i.Memory.PipelinePeakWorkingSetMiB <= 512 : null,
            $"pipeline stages {i.Memory.PipelinePeakWorkingSetMiB:0} MiB, whole bench {i.Memory.PeakWorkingSetMiB:0} MiB; " +
            (i.Memory.PipelineGcHeapLimitMiB is { } limit
                ? $"the stages under a GC heap limit of {limit:0} MiB, as .NET sets it on a 512 MB instance (75 %)"
                : "no GC heap limit: with the machine's memory free the GC keeps garbage"));
}
