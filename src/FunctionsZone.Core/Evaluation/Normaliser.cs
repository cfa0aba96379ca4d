namespace FunctionsZone.Core.Evaluation;

/// <summary>
/// The normalisations of docs/methods.md §1, over one indicator's values across the peer group.
/// NaN is a missing value and stays NaN. Every method is flipped for lower-is-better so that 1 (or a higher z) is best.
/// Statistics are taken over the values sorted, so the result does not depend on the order the zones come in.
/// </summary>
public static class Normaliser
{
    public static double[] Normalise(ReadOnlySpan<double> values, Normalisation method, bool higherIsBetter,
        double? target = null, double? frontier = null, double? worst = null)
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
        double mean = 0, sd = 0;
        if (method == Normalisation.ZScore)
        {
            foreach (var v in present) mean += v;
            mean /= present.Count;
            foreach (var v in present) sd += (v - mean) * (v - mean);
            sd = Math.Sqrt(sd / present.Count);
        }
        for (var i = 0; i < values.Length; i++)
        {
            var x = values[i];
            if (double.IsNaN(x)) { result[i] = double.NaN; continue; }
            result[i] = method switch
            {
                Normalisation.MinMax => max == min ? 1 : (higherIsBetter ? (x - min) / (max - min) : (max - x) / (max - min)),
                Normalisation.ZScore => sd == 0 ? 0 : (higherIsBetter ? (x - mean) / sd : (mean - x) / sd),
                Normalisation.DistanceToFrontier => DistanceToFrontier(x, frontier ?? best, worst ?? bad),
                Normalisation.DistanceToTarget => DistanceToTarget(x, target ?? best, higherIsBetter),
                Normalisation.PercentileRank => PercentileRank(x, present, higherIsBetter),
                _ => throw new ArgumentOutOfRangeException(nameof(method)),
            };
        }
        return result;
    }

    /// <summary>1 − (frontier − x)/(frontier − worst), clamped to [0, 1]; works for either direction.</summary>
    public static double DistanceToFrontier(double x, double frontier, double worst) =>
        frontier == worst ? 1 : Math.Clamp(1 - (frontier - x) / (frontier - worst), 0, 1);

    /// <summary>x ÷ target (higher is better) or target ÷ x (lower is better), clamped to [0, 1]: reaching the target is full marks.</summary>
    public static double DistanceToTarget(double x, double target, bool higherIsBetter)
    {
        if (higherIsBetter) return target <= 0 ? (x >= target ? 1 : 0) : Math.Clamp(x / target, 0, 1);
        return x <= target ? 1 : (x <= 0 ? 1 : Math.Clamp(target / x, 0, 1));
    }

    /// <summary>(zones worse + ½ × other zones tied) ÷ (n − 1): 1 for the best, 0 for the worst, ties share.</summary>
    public static double PercentileRank(double x, List<double> sortedPresent, bool higherIsBetter)
    {
        var n = sortedPresent.Count;
        if (n == 1) return 1;
        var below = LowerBound(sortedPresent, x);
        var equal = UpperBound(sortedPresent, x) - below;
        var worse = higherIsBetter ? below : n - below - equal;
        return (worse + 0.5 * (equal - 1)) / (n - 1);
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
