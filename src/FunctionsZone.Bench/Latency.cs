using System.Diagnostics;

namespace FunctionsZone.Bench;

/// <summary>Latency percentiles of a call repeated up to a count or a time budget, after a warm-up.</summary>
public static class Latency
{
    public static async Task<BenchQuery> MeasureAsync(string name, Func<Task> call, int iterations, TimeSpan budget, string? note = null)
    {
        for (var i = 0; i < 5; i++) await call();
        var samples = new List<double>(iterations);
        var total = Stopwatch.StartNew();
        while (samples.Count < iterations && (total.Elapsed < budget || samples.Count < 20))
        {
            var sw = Stopwatch.StartNew();
            await call();
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        samples.Sort();
        return new BenchQuery(name, true, samples.Count, Percentile(samples, 50), Percentile(samples, 95), Percentile(samples, 99), note);
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 3);
    }
}
