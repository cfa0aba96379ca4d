namespace FunctionsZone.Bench;

/// <summary>The run's ratios, each from figures of the same run on the same storage (BenchRatios says what each means).</summary>
public static class RatioMeasure
{
    public static BenchRatios Of(IReadOnlyList<BenchStage> stages, IReadOnlyList<BenchQuery> queries, CeilingMeasure ceiling,
        PipelineMeasure pipeline, NaiveMeasure naive, BenchComposites composites)
    {
        var values = ceiling.Values.Count;
        var (write, read) = (ceiling.Write.TotalSeconds, ceiling.Read.TotalSeconds);
        var ingestRate = values / pipeline.Best.Figures.Seconds;
        var recompute = pipeline.Recompute.Stage;
        var pointP99 = ceiling.PointRead.P99Ms;
        // Judged on the default reads (latest.json read on every call); the cached variant is shown beside them.
        var functionP99 = queries.Where(q => q.Measured && q.Name.StartsWith("function", StringComparison.Ordinal) && !q.Name.Contains("cached")).Select(q => q.P99Ms).Max();
        var httpP99 = queries.Where(q => q.Measured && q.Name.StartsWith("HTTP", StringComparison.Ordinal)).Select(q => q.P99Ms).Max();
        return new BenchRatios(
            IngestVsCeiling: BenchMath.Round(ingestRate / (values / write)), IngestVsNaive: BenchMath.Round(ingestRate / naive.Rate),
            EndToEndVsCeiling: BenchMath.Round(pipeline.EndToEndSeconds / (write + read)),
            RecomputeVsCeilingRead: BenchMath.Round(recompute.Seconds / read),
            RecomputeInMemoryVsCeilingRead: BenchMath.Round((recompute.Seconds - recompute.StorageSeconds!.Value) / read),
            QueryP99VsPointRead: functionP99 is { } fp && pointP99 is > 0 ? BenchMath.Round(fp / pointP99!.Value) : null)
        {
            StorageReadsPerImportedValue = values == 0 ? 0 : BenchMath.Round((double)pipeline.Ingest.Transactions!.Reads / values),
            CompositeVsCeilingRead = composites is { Results: > 0 } cf ? BenchMath.Round(cf.Seconds / read) : null,
            HttpP99VsPointRead = httpP99 is { } hp && pointP99 is > 0 ? BenchMath.Round(hp / pointP99!.Value) : null,
            IngestStorageCpuVsCeiling = StorageCpuRatio(stages, ["FunctionsZone ingest"], ["ceiling write"]),
            EndToEndStorageCpuVsCeiling = StorageCpuRatio(stages, ["FunctionsZone ingest", "recompute", "publish (snapshot"], ["ceiling write", "ceiling read"]),
        };
    }

    /// <summary>The storage's CPU over the stages named (by prefix) in <paramref name="over"/> ÷ over those in <paramref name="against"/>.</summary>
    private static double? StorageCpuRatio(IReadOnlyList<BenchStage> stages, string[] over, string[] against)
    {
        double? Sum(string[] names)
        {
            var picked = names.Select(n => stages.FirstOrDefault(s => s.Name.StartsWith(n, StringComparison.Ordinal))?.Cpu?.Storage).ToList();
            return picked.All(x => x is > 0) ? picked.Sum() : null;
        }
        return Sum(over) is { } a && Sum(against) is { } b ? BenchMath.Round(a / b) : null;
    }
}
