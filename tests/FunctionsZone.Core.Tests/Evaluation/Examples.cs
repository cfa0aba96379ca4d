using FunctionsZone.Core.Evaluation;

namespace FunctionsZone.Core.Tests.Evaluation;

/// <summary>Small schemes for worked examples and properties (docs/methods.md uses the same numbers).</summary>
public static class Examples
{
    /// <summary>
    /// docs/methods.md §2 example: one category, x1 higher-is-better (weight 0.6), x2 lower-is-better (weight 0.4);
    /// zones A, B, C with x1 = 10, 20, 30 and x2 = 5, 3, 4.
    /// </summary>
    public static Scheme TwoIndicators(Normalisation n = Normalisation.MinMax, Aggregation a = Aggregation.Linear, MissingRule m = MissingRule.SkipRenormalise) => new()
    {
        Id = "example", NameZh = "示例", Group = "g", Normalisation = n, Aggregation = a, Missing = m, MinCoverage = 0,
        Uncertainty = new Uncertainty { Draws = 200, Seed = 7, WeightRange = 0.25, Normalisations = [Normalisation.MinMax, Normalisation.ZScore, Normalisation.PercentileRank] },
        Categories =
        [
            new SchemeCategory
            {
                Id = "all", NameZh = "全部", Weight = 1,
                Indicators = [new SchemeIndicator { Indicator = "x1", Weight = 0.6, Direction = "higher" }, new SchemeIndicator { Indicator = "x2", Weight = 0.4, Direction = "lower" }],
            },
        ],
    };

    public static readonly double[][] AbcValues = [[10, 5], [20, 3], [30, 4]];

    public static CompositeInput Input(Scheme scheme, double[][] values, IReadOnlyList<string>? zones = null)
    {
        var ids = zones ?? Enumerable.Range(0, values.Length).Select(i => ((char)('A' + i)).ToString()).ToList();
        return new CompositeInput(scheme, CompositeModel.From(scheme, _ => null), ids, ids, values, "2021");
    }

    /// <summary>Three columns in two categories: c0 higher (cat 0, weight 5), c1 lower (cat 0, weight 2), c2 higher (cat 1).</summary>
    public static Scheme ThreeColumns(Normalisation n, Aggregation a, string c1Direction = "lower") => new()
    {
        Id = "three", NameZh = "三指标", Group = "g", Normalisation = n, Aggregation = a, MinCoverage = 0,
        Uncertainty = new Uncertainty { Draws = 50, Seed = 11, WeightRange = 0.3, Normalisations = [Normalisation.MinMax, Normalisation.ZScore, Normalisation.PercentileRank, Normalisation.DistanceToFrontier], Aggregations = [Aggregation.Linear, Aggregation.Geometric] },
        Categories =
        [
            new SchemeCategory { Id = "k0", NameZh = "类0", Weight = 0.7, Indicators = [new SchemeIndicator { Indicator = "c0", Weight = 5, Direction = "higher" }, new SchemeIndicator { Indicator = "c1", Weight = 2, Direction = c1Direction }] },
            new SchemeCategory { Id = "k1", NameZh = "类1", Weight = 0.3, Indicators = [new SchemeIndicator { Indicator = "c2", Direction = "higher" }] },
        ],
    };

    public static double[][] Rows(int[] flat) =>
        Enumerable.Range(0, flat.Length / 3).Select(i => new double[] { flat[3 * i], flat[3 * i + 1], flat[3 * i + 2] }).ToArray();

    public static readonly Normalisation[] AllNormalisations = Enum.GetValues<Normalisation>();
}
