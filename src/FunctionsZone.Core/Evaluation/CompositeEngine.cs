namespace FunctionsZone.Core.Evaluation;

/// <summary>One scored column of a scheme: an indicator (or its growth) with its effective weight.</summary>
public sealed record Column(string Key, string Indicator, string NameZh, int Category, double Weight, bool HigherIsBetter,
    double? Target = null, double? Frontier = null, double? Worst = null);

/// <summary>A scheme flattened for computation: columns with effective weights wᵢ = category weight share × weight share within the category.</summary>
public sealed record CompositeModel(IReadOnlyList<Column> Columns, IReadOnlyList<SchemeCategory> Categories)
{
    public static CompositeModel From(Scheme scheme, Func<string, bool?> higherIsBetterOf, Func<string, string?>? nameOf = null)
    {
        var totalCat = scheme.Categories.Sum(c => c.Weight);
        var columns = new List<Column>();
        for (var ci = 0; ci < scheme.Categories.Count; ci++)
        {
            var cat = scheme.Categories[ci];
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
                columns.Add(new Column(i.Key, i.Indicator, name, ci,
                    totalCat > 0 && within > 0 ? cat.Weight / totalCat * (i.Weight / within) : 0, higher, i.Target, i.Frontier, i.Worst));
            }
        }
        return new CompositeModel(columns, scheme.Categories);
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
            var n = Normaliser.Normalise(column, normalisation, col.HigherIsBetter, col.Target, col.Frontier, col.Worst);
            for (var z = 0; z < nz; z++) norm[z][c] = n[z];
        }
        var weights = new double[nc];
        for (var c = 0; c < nc; c++) weights[c] = model.Columns[c].Weight * (weightMultipliers?[c] ?? 1);

        var score = new double[nz];
        var contribution = new double[nz][];
        var catScore = new double[nz][];
        var nCat = model.Categories.Count;
        for (var z = 0; z < nz; z++)
        {
            contribution[z] = new double[nc];
            score[z] = Aggregate(norm[z], weights, c => true, normalisation, aggregation, missing, contribution[z]);
            catScore[z] = new double[nCat];
            for (var k = 0; k < nCat; k++)
            {
                var cat = k;
                catScore[z][k] = Aggregate(norm[z], weights, c => model.Columns[c].Category == cat, normalisation, aggregation, missing, null);
            }
        }
        return new CompositeScores(norm, score, catScore, contribution, Ranks(score));
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
            sum += aggregation == Aggregation.Linear ? w[c] * x : w[c] * Math.Log(Positive(x, normalisation));
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
        return aggregation == Aggregation.Linear ? 100 * sum / sumW : 100 * Math.Exp(sum / sumW);
    }

    private static double Positive(double x, Normalisation normalisation) =>
        Math.Max(normalisation == Normalisation.ZScore ? x + 3 : x, Epsilon);

    /// <summary>Competition ranking, higher score first; scores equal to 9 decimals tie (sums in another order must not split a tie).</summary>
    public static int?[] Ranks(double[] score)
    {
        var result = new int?[score.Length];
        var rounded = score.Select(s => double.IsNaN(s) ? double.NaN : Math.Round(s, 9)).ToArray();
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
