namespace FunctionsZone.Core.Evaluation;

/// <summary>Each zone's rank distribution over the draws: median and 5th–95th percentile (nearest-rank).</summary>
public sealed record RankInterval(int? Median, int? P5, int? P95);

/// <summary>
/// Rank uncertainty after the OECD/JRC Handbook (2008): every draw multiplies each category weight and each indicator
/// weight by U(1 − r, 1 + r) (a column's weight by the draws of every category above it) and picks the normalisation (and aggregation) uniformly from the scheme's list.
/// One System.Random seeded from the scheme: the same seed gives the same intervals. Random numbers are drawn per
/// category and column, never per zone, so the order zones come in does not matter.
/// </summary>
public static class MonteCarlo
{
    public static IReadOnlyList<RankInterval> Run(CompositeInput input, int? draws = null, int? seed = null)
    {
        var u = input.Scheme.Uncertainty;
        var n = draws ?? u.Draws;
        var rng = new Random(seed ?? u.Seed);
        var model = input.Model;
        var nz = input.Zones.Count;
        var ranks = new List<int>[nz];
        for (var z = 0; z < nz; z++) ranks[z] = new List<int>(n);
        var norms = u.Normalisations.Count > 0 ? u.Normalisations : [input.Scheme.Normalisation];
        var aggs = u.Aggregations.Count > 0 ? u.Aggregations : [input.Scheme.Aggregation];
        var multipliers = new double[model.Columns.Count];
        var catMultipliers = new double[model.Categories.Count];
        for (var d = 0; d < n; d++)
        {
            for (var k = 0; k < catMultipliers.Length; k++) catMultipliers[k] = 1 + u.WeightRange * (2 * rng.NextDouble() - 1);
            for (var c = 0; c < multipliers.Length; c++)
            {
                var m = 1 + u.WeightRange * (2 * rng.NextDouble() - 1);
                foreach (var k in model.Columns[c].Path) m *= catMultipliers[k];
                multipliers[c] = m;
            }
            var norm = norms[rng.Next(norms.Count)];
            var agg = aggs[rng.Next(aggs.Count)];
            var scores = CompositeEngine.Compute(model, input.Values, norm, agg, input.Scheme.Missing, multipliers);
            for (var z = 0; z < nz; z++) if (scores.Rank[z] is { } r) ranks[z].Add(r);
        }
        return ranks.Select(r =>
        {
            if (r.Count == 0) return new RankInterval(null, null, null);
            r.Sort();
            return new RankInterval(Percentile(r, 50), Percentile(r, 5), Percentile(r, 95));
        }).ToList();
    }

    /// <summary>Nearest-rank percentile: the ⌈p/100 × n⌉-th smallest.</summary>
    public static int Percentile(IReadOnlyList<int> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
