namespace FunctionsZone.Core.Evaluation;

/// <summary>
/// One scored column of a scheme: an indicator (or its growth) with its effective weight, the leaf category it sits in
/// and the path of categories from the top level down to that leaf.
/// </summary>
public sealed record Column(string Key, string Indicator, string NameZh, int Category, double Weight, bool HigherIsBetter,
    double? Target = null, double? Frontier = null, double? Worst = null, bool CapAtTarget = true)
{
    public IReadOnlyList<int> Path { get; init; } = [Category];
}

/// <summary>A category at any level: its parent (−1 at the top), depth (0 at the top) and whether it holds indicators.</summary>
public sealed record CategoryNode(string Id, string NameZh, double Weight, int Parent, int Depth, bool IsLeaf);

/// <summary>
/// A scheme flattened for computation: columns with effective weights wᵢ = Π over the categories above it of
/// (category weight ÷ its siblings' total) × (indicator weight ÷ the total within its category); categories in
/// pre-order (a parent before its children).
/// </summary>
public sealed record CompositeModel(IReadOnlyList<Column> Columns, IReadOnlyList<CategoryNode> Categories, int RankDecimals = 9)
{
    public static CompositeModel From(Scheme scheme, Func<string, bool?> higherIsBetterOf, Func<string, string?>? nameOf = null)
    {
        var nodes = new List<CategoryNode>();
        var columns = new List<Column>();
        void Walk(IReadOnlyList<SchemeCategory> level, int parent, int depth, double share, List<int> path)
        {
            var total = level.Sum(c => c.Weight);
            foreach (var cat in level)
            {
                var k = nodes.Count;
                var isLeaf = cat.Categories.Count == 0;
                nodes.Add(new CategoryNode(cat.Id, cat.DisplayName, cat.Weight, parent, depth, isLeaf));
                var catShare = total > 0 ? share * cat.Weight / total : 0;
                var here = new List<int>(path) { k };
                if (!isLeaf) { Walk(cat.Categories, k, depth + 1, catShare, here); continue; }
                var within = cat.Indicators.Sum(i => i.Weight);
                foreach (var i in cat.Indicators)
                {
                    var higher = i.Direction switch
                    {
                        "higher" => true,
                        "lower" => false,
                        _ => higherIsBetterOf(i.Indicator) ?? true,
                    };
                    var name = i.NameZh ?? (nameOf?.Invoke(i.Indicator) is { } n ? (i.Measure == Rankings.Measure.Growth ? n + "增速" : n) : i.Key);
                    columns.Add(new Column(i.Key, i.Indicator, name, k, within > 0 ? catShare * i.Weight / within : 0, higher,
                        i.Target, i.Frontier, i.Worst, i.CapAtTarget) { Path = here });
                }
            }
        }
        Walk(scheme.Categories, -1, 0, 1, []);
        return new CompositeModel(columns, nodes, scheme.RankDecimals);
    }
}

/// <summary>The numbers one evaluation run produces. Index order: zones as given, columns as in the model. NaN = missing / not ranked.</summary>
public sealed record CompositeScores(double[][] Normalised, double[] Score, double[][] CategoryScore, double[][] Contribution, int?[] Rank);

/// <summary>
/// Composite score S = 100 × Σwᵢvᵢ / Σwᵢ (linear) or 100 × exp(Σwᵢ ln vᵢ / Σwᵢ) (geometric), sums over the indicators
/// the zone has (skip-and-renormalise) or over all with missing as 0 (zero). Ranks by competition ranking (1,2,2,4).
/// </summary>
public static class CompositeEngine
{
    /// <summary>Geometric aggregation needs positive values: bounded scores are floored at ε, z-scores shifted by +3 first.</summary>
    public const double Epsilon = 0.01;

    public static CompositeScores Compute(CompositeModel model, double[][] values, Normalisation normalisation, Aggregation aggregation,
        MissingRule missing, double[]? weightMultipliers = null)
    {
        var nz = values.Length;
        var nc = model.Columns.Count;
        var norm = new double[nz][];
        for (var z = 0; z < nz; z++) norm[z] = new double[nc];
        var column = new double[nz];
        for (var c = 0; c < nc; c++)
        {
            var col = model.Columns[c];
            for (var z = 0; z < nz; z++) column[z] = values[z][c];
            var n = Normaliser.Normalise(column, normalisation, col.HigherIsBetter, col.Target, col.Frontier, col.Worst, col.CapAtTarget);
            for (var z = 0; z < nz; z++) norm[z][c] = n[z];
        }
        var weights = new double[nc];
        for (var c = 0; c < nc; c++) weights[c] = model.Columns[c].Weight * (weightMultipliers?[c] ?? 1);

        var score = new double[nz];
        var contribution = new double[nz][];
        var catScore = new double[nz][];
        var nCat = model.Categories.Count;
        var inCategory = new bool[nCat][];
        for (var k = 0; k < nCat; k++)
        {
            inCategory[k] = new bool[nc];
            for (var c = 0; c < nc; c++) inCategory[k][c] = model.Columns[c].Path.Contains(k);
        }
        for (var z = 0; z < nz; z++)
        {
            contribution[z] = new double[nc];
            score[z] = Aggregate(norm[z], weights, c => true, normalisation, aggregation, missing, contribution[z]);
            catScore[z] = new double[nCat];
            for (var k = 0; k < nCat; k++)
            {
                var member = inCategory[k];
                catScore[z][k] = Aggregate(norm[z], weights, c => member[c], normalisation, aggregation, missing, null);
            }
        }
        return new CompositeScores(norm, score, catScore, contribution, Ranks(score, model.RankDecimals));
    }

    private static double Aggregate(double[] v, double[] w, Func<int, bool> include, Normalisation normalisation, Aggregation aggregation,
        MissingRule missing, double[]? contribution)
    {
        double sumW = 0, sum = 0;
        var any = false;
        for (var c = 0; c < v.Length; c++)
        {
            if (!include(c)) continue;
            var x = v[c];
            if (double.IsNaN(x))
            {
                if (missing == MissingRule.SkipRenormalise) continue;
                x = 0;
            }
            else any = true;
            sumW += w[c];
            sum += Term(aggregation == Aggregation.Linear ? x : Positive(x, normalisation), w[c], aggregation);
        }
        if (!any || sumW <= 0)
        {
            if (contribution is not null) Array.Fill(contribution, double.NaN);
            return double.NaN;
        }
        if (contribution is not null)
        {
            // Points each indicator adds to a linear score; for geometric the same share of the linear-equivalent, as an indication.
            for (var c = 0; c < v.Length; c++)
                contribution[c] = !include(c) ? double.NaN
                    : double.IsNaN(v[c]) ? (missing == MissingRule.Zero ? 0 : double.NaN)
                    : 100 * w[c] * v[c] / sumW;
        }
        return 100 * Combine(sum, sumW, aggregation);
    }

    /// <summary>
    /// The weighted mean behind both aggregations, over the values present (NaN skipped, weights renormalised):
    /// Σwx/Σw (COINr a_amean) or exp(Σw ln x / Σw) (a_gmean). The geometric mean of a non-positive value is undefined and
    /// throws, as COINr's does; the composite floors normalised values at ε before it gets here.
    /// </summary>
    public static double WeightedMean(IReadOnlyList<double> x, IReadOnlyList<double>? w, Aggregation aggregation)
    {
        double sum = 0, sumW = 0;
        for (var i = 0; i < x.Count; i++)
        {
            if (double.IsNaN(x[i])) continue;
            if (aggregation == Aggregation.Geometric && x[i] <= 0)
                throw new ArgumentOutOfRangeException(nameof(x), x[i], "几何平均要求正数 / a geometric mean needs positive values");
            var wi = w?[i] ?? 1;
            sum += Term(x[i], wi, aggregation);
            sumW += wi;
        }
        return sumW > 0 ? Combine(sum, sumW, aggregation) : double.NaN;
    }

    private static double Term(double x, double w, Aggregation aggregation) => aggregation == Aggregation.Linear ? w * x : w * Math.Log(x);

    private static double Combine(double sum, double sumW, Aggregation aggregation) =>
        aggregation == Aggregation.Linear ? sum / sumW : Math.Exp(sum / sumW);

    private static double Positive(double x, Normalisation normalisation) =>
        Math.Max(normalisation is Normalisation.ZScore or Normalisation.ZScorePopulation ? x + 3 : x, Epsilon);

    /// <summary>
    /// Competition ranking, higher score first, of the scores rounded to <paramref name="decimals"/> (default 9, so sums
    /// in another order never split a tie; COINr 0.6 ranks scores rounded to 2).
    /// </summary>
    public static int?[] Ranks(double[] score, int decimals = 9)
    {
        var result = new int?[score.Length];
        var rounded = score.Select(s => double.IsNaN(s) ? double.NaN : Math.Round(s, decimals)).ToArray();
        for (var i = 0; i < score.Length; i++)
        {
            if (double.IsNaN(rounded[i])) continue;
            var better = 0;
            for (var j = 0; j < score.Length; j++) if (!double.IsNaN(rounded[j]) && rounded[j] > rounded[i]) better++;
            result[i] = better + 1;
        }
        return result;
    }
}
