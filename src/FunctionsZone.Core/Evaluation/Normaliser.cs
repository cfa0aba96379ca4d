namespace FunctionsZone.Core.Evaluation;

/// <summary>
/// The normalisations of docs/methods.md §1, over one indicator's values across the peer group.
/// NaN is a missing value and stays NaN. Every method is flipped for lower-is-better so that 1 (or a higher z) is best.
/// Statistics are taken over the values sorted, so the result does not depend on the order the zones come in.
/// </summary>
public static class Normaliser
{
    public static double[] Normalise(ReadOnlySpan<double> values, Normalisation method, bool higherIsBetter,
        double? target = null, double? frontier = null, double? worst = null, bool capAtTarget = true)
    {
        var result = new double[values.Length];
        var present = new List<double>(values.Length);
        foreach (var v in values) if (!double.IsNaN(v)) present.Add(v);
        present.Sort();
        if (present.Count == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }
        double min = present[0], max = present[^1];
        double best = higherIsBetter ? max : min, bad = higherIsBetter ? min : max;
        var (mean, sd) = method is Normalisation.ZScore or Normalisation.ZScorePopulation
            ? MeanAndSd(present, sample: method == Normalisation.ZScore) : (0, 0);
        for (var i = 0; i < values.Length; i++)
        {
            var x = values[i];
            if (double.IsNaN(x)) { result[i] = double.NaN; continue; }
            result[i] = method switch
            {
                Normalisation.MinMax => max == min ? 1 : (higherIsBetter ? (x - min) / (max - min) : (max - x) / (max - min)),
                Normalisation.ZScore or Normalisation.ZScorePopulation => sd == 0 ? 0 : (higherIsBetter ? (x - mean) / sd : (mean - x) / sd),
                Normalisation.DistanceToFrontier or Normalisation.Goalposts => DistanceToFrontier(x, frontier ?? best, worst ?? bad),
                Normalisation.DistanceToTarget => DistanceToTarget(x, target ?? best, higherIsBetter),
                Normalisation.DistanceToTargetFromMin => DistanceToTargetFromMin(x, target ?? best, bad, higherIsBetter, capAtTarget),
                Normalisation.PercentileRank => PercentileRank(x, present, higherIsBetter),
                Normalisation.PercentileRankMin => PercentileRankMin(x, present, higherIsBetter),
                _ => throw new ArgumentOutOfRangeException(nameof(method)),
            };
        }
        return result;
    }

    /// <summary>Mean and standard deviation: the sample sd (n − 1, as R's sd() and the OECD/JRC Handbook), or the population sd (n).</summary>
    public static (double Mean, double Sd) MeanAndSd(IReadOnlyList<double> xs, bool sample = true)
    {
        double mean = 0, ss = 0;
        foreach (var v in xs) mean += v;
        mean /= xs.Count;
        foreach (var v in xs) ss += (v - mean) * (v - mean);
        var n = sample ? xs.Count - 1 : xs.Count;
        return (mean, n <= 0 ? 0 : Math.Sqrt(ss / n));
    }

    /// <summary>1 − (frontier − x)/(frontier − worst), clamped to [0, 1]; works for either direction (COINr n_goalposts).</summary>
    public static double DistanceToFrontier(double x, double frontier, double worst) =>
        frontier == worst ? 1 : Math.Clamp(1 - (frontier - x) / (frontier - worst), 0, 1);

    /// <summary>x ÷ target (higher is better) or target ÷ x (lower is better), clamped to [0, 1]: the Handbook's ratio to a reference.</summary>
    public static double DistanceToTarget(double x, double target, bool higherIsBetter)
    {
        if (higherIsBetter) return target <= 0 ? (x >= target ? 1 : 0) : Math.Clamp(x / target, 0, 1);
        return x <= target ? 1 : (x <= 0 ? 1 : Math.Clamp(target / x, 0, 1));
    }

    /// <summary>
    /// COINr n_dist2targ: 1 − (T − x)/(T − worst), worst = the group's minimum (maximum for lower-is-better), so the group's
    /// worst scores 0 and the target 1; above the target it exceeds 1 unless capped. A target at or beyond the worst gives 1.
    /// </summary>
    public static double DistanceToTargetFromMin(double x, double target, double worst, bool higherIsBetter, bool cap)
    {
        var span = target - worst;
        if (higherIsBetter ? span <= 0 : span >= 0) return 1;
        var v = 1 - (target - x) / span;
        return cap ? Math.Min(v, 1) : v;
    }

    /// <summary>(zones worse + ½ × other zones tied) ÷ (n − 1): 1 for the best, 0 for the worst, ties share the mid-rank.</summary>
    public static double PercentileRank(double x, List<double> sortedPresent, bool higherIsBetter)
    {
        var n = sortedPresent.Count;
        if (n == 1) return 1;
        var below = LowerBound(sortedPresent, x);
        var equal = UpperBound(sortedPresent, x) - below;
        var worse = higherIsBetter ? below : n - below - equal;
        return (worse + 0.5 * (equal - 1)) / (n - 1);
    }

    /// <summary>COINr n_prank: (rank − 1) ÷ (n − 1) with R's rank(ties = "min"), i.e. zones strictly worse ÷ (n − 1): ties share the lower value.</summary>
    public static double PercentileRankMin(double x, List<double> sortedPresent, bool higherIsBetter)
    {
        var n = sortedPresent.Count;
        if (n == 1) return 1;
        var below = LowerBound(sortedPresent, x);
        var worse = higherIsBetter ? below : n - UpperBound(sortedPresent, x);
        return worse / (double)(n - 1);
    }

    private static int LowerBound(List<double> s, double x)
    {
        int lo = 0, hi = s.Count;
        while (lo < hi) { var mid = (lo + hi) / 2; if (s[mid] < x) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private static int UpperBound(List<double> s, double x)
    {
        int lo = 0, hi = s.Count;
        while (lo < hi) { var mid = (lo + hi) / 2; if (s[mid] <= x) lo = mid + 1; else hi = mid; }
        return lo;
    }
}
