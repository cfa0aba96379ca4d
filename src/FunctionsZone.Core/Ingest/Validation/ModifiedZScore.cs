using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ingest.Validation;

/// <summary>
/// The modified z-score of Iglewicz and Hoaglin (1993), as DHIS2 uses it for outliers:
/// M = 0.6745 × (x − median) / MAD, where MAD is the median of |xᵢ − median|.
/// Worked example (docs/ingest.md, checked by a test): history 10, 11, 12, 12, 13, 14 has median 12 and
/// MAD 1 (deviations 2, 1, 0, 0, 1, 2); a new value 30 scores 0.6745 × 18 / 1 = 12.141, far above 3.5.
/// </summary>
public static class ModifiedZScore
{
    /// <summary>The score of x against the history; null when the MAD is 0 (half the history is one value) or there is none.</summary>
    public static decimal? Score(decimal x, IReadOnlyCollection<decimal> history)
    {
        if (history.Count == 0) return null;
        try { return ScoreCore(x, history); }
        catch (OverflowException) { return null; }
    }

    private static decimal? ScoreCore(decimal x, IReadOnlyCollection<decimal> history)
    {
        var median = Median(history);
        var deviations = new decimal[history.Count];
        var k = 0;
        foreach (var h in history) deviations[k++] = Math.Abs(h - median);
        var mad = MedianInPlace(deviations);
        if (mad == 0) return null;
        return SafeDecimal.Try(() => 0.6745m * (x - median) / mad);
    }

    public static decimal Median(IReadOnlyCollection<decimal> values) => MedianInPlace(values.ToArray());

    // Sorts its argument: an import scores every figure of a file (18,000 a medium month), twice each.
    private static decimal MedianInPlace(decimal[] s)
    {
        Array.Sort(s);
        var n = s.Length;
        return n % 2 == 1 ? s[n / 2] : s[n / 2 - 1] / 2 + s[n / 2] / 2;
    }

    /// <summary>DHIS2's Z_SCORE: (x − mean) / population sd of the values; null when the sd is 0 or there are none.</summary>
    public static decimal? ZScore(decimal x, IReadOnlyCollection<decimal> values)
    {
        if (values.Count == 0) return null;
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Count;
        if (variance == 0) return null;
        return (x - mean) / (decimal)Math.Sqrt((double)variance);
    }
}
