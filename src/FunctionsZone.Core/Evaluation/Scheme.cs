using System.Text.Json.Serialization;
using FunctionsZone.Core.Rankings;

namespace FunctionsZone.Core.Evaluation;

/// <summary>
/// How raw values become comparable 0–1 scores (docs/methods.md §1). Lower-is-better indicators are flipped.
/// ZScore uses the sample sd (OECD/JRC Handbook, COINr n_zscore); ZScorePopulation the population sd.
/// DistanceToTarget is the Handbook's ratio x/T; DistanceToTargetFromMin is COINr's n_dist2targ (x − min)/(T − min).
/// Goalposts is distance to frontier with the scheme's fixed frontier/worst required (COINr n_goalposts).
/// PercentileRank shares ties at the mid-rank; PercentileRankMin is COINr's n_prank (ties share the lower value).
/// </summary>
public enum Normalisation
{
    MinMax, ZScore, DistanceToFrontier, DistanceToTarget, PercentileRank,
    ZScorePopulation, DistanceToTargetFromMin, Goalposts, PercentileRankMin,
}

/// <summary>Linear Σwᵢvᵢ/Σwᵢ or geometric exp(Σwᵢ ln vᵢ / Σwᵢ).</summary>
public enum Aggregation { Linear, Geometric }

/// <summary>A zone without a value: leave the indicator out and renormalise its weights, or score it 0.</summary>
public enum MissingRule { SkipRenormalise, Zero }

/// <summary>
/// A composite evaluation scheme (国评 / 省评 / 市对区考核): a JSON file the user owns, ingested like any reference file
/// (docs/methods.md §10). Weights need not sum to 1: at every level they are shares of their siblings' total.
/// </summary>
public sealed record Scheme
{
    public required string Id { get; init; }
    public required string NameZh { get; init; }
    public string NameEn { get; init; } = "";
    /// <summary>Short names users type: 国评, 省评, 市对区考核.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>Which official ranks (official-ranks.csv evaluation: national, provincial, city) it should reproduce.</summary>
    public string? Evaluation { get; init; }
    /// <summary>The peer group (groups.json id) whose members are scored; none = every zone with data on the scheme.</summary>
    public string? Group { get; init; }
    public Normalisation Normalisation { get; init; } = Normalisation.MinMax;
    public Aggregation Aggregation { get; init; } = Aggregation.Linear;
    public MissingRule Missing { get; init; } = MissingRule.SkipRenormalise;
    /// <summary>Where the structure and weights come from, and which weights are our assumption.</summary>
    public string? Note { get; init; }
    public Uncertainty Uncertainty { get; init; } = new();
    /// <summary>A zone is scored only when the indicators it has carry at least this share of the total weight.</summary>
    public double MinCoverage { get; init; } = 0.5;
    /// <summary>Scores are ranked after rounding to this many decimals (COINr 0.6 ranks 2-dp scores); 9 keeps sums in another order from splitting a tie.</summary>
    public int RankDecimals { get; init; } = 9;
    /// <summary>How 短板 are chosen (docs/methods.md §3).</summary>
    public WeakPointRule WeakPoints { get; init; } = new();
    /// <summary>The top level: categories (一级指标), each holding indicators or sub-categories.</summary>
    public required IReadOnlyList<SchemeCategory> Categories { get; init; }

    [JsonIgnore]
    public IEnumerable<(SchemeCategory Category, SchemeIndicator Indicator)> AllIndicators =>
        Leaves(Categories).SelectMany(c => c.Indicators.Select(i => (c, i)));

    private static IEnumerable<SchemeCategory> Leaves(IEnumerable<SchemeCategory> categories) =>
        categories.SelectMany(c => c.Categories.Count > 0 ? Leaves(c.Categories) : [c]);
}

public sealed record SchemeCategory
{
    public required string Id { get; init; }
    /// <summary>Display name; the id when none is given.</summary>
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public double Weight { get; init; } = 1;
    /// <summary>The indicators of a leaf category.</summary>
    public IReadOnlyList<SchemeIndicator> Indicators { get; init; } = [];
    /// <summary>Sub-categories (二级指标 …) of a category that is not a leaf; a category has indicators or sub-categories, not both.</summary>
    public IReadOnlyList<SchemeCategory> Categories { get; init; } = [];

    [JsonIgnore]
    public string DisplayName => string.IsNullOrWhiteSpace(NameZh) ? Id : NameZh;
}

public sealed record SchemeIndicator
{
    /// <summary>indicators.json code.</summary>
    public required string Indicator { get; init; }
    /// <summary>level (the value) or growth (its reported YoY growth, else computed).</summary>
    public Measure Measure { get; init; } = Measure.Level;
    /// <summary>Within its category; equal (1) where the official weight is unknown.</summary>
    public double Weight { get; init; } = 1;
    /// <summary>"higher" or "lower"; default the indicator's own direction.</summary>
    public string? Direction { get; init; }
    /// <summary>Display name when it differs from the indicator's (实际利用外资增速).</summary>
    public string? NameZh { get; init; }
    /// <summary>distance-to-target: the value that earns full marks.</summary>
    public double? Target { get; init; }
    /// <summary>distance-to-target-from-min: whether a value beyond the target stays at 1 (true) or exceeds it (COINr cap_max = FALSE).</summary>
    public bool CapAtTarget { get; init; } = true;
    /// <summary>distance-to-frontier / goalposts: fixed best and worst values (default: the group's best and worst).</summary>
    public double? Frontier { get; init; }
    public double? Worst { get; init; }

    /// <summary>Unique within a scheme: the code, or code:growth.</summary>
    public string Key => Measure == Measure.Growth ? $"{Indicator}:growth" : Indicator;
}

/// <summary>Monte Carlo robustness settings (OECD/JRC): weights × U(1−r, 1+r), normalisation drawn from a list.</summary>
public sealed record Uncertainty
{
    public int Draws { get; init; } = 1000;
    public int Seed { get; init; } = 20220601;
    public double WeightRange { get; init; } = 0.25;
    public IReadOnlyList<Normalisation> Normalisations { get; init; } = [Normalisation.MinMax, Normalisation.ZScore, Normalisation.PercentileRank];
    public IReadOnlyList<Aggregation> Aggregations { get; init; } = [Aggregation.Linear];
}

/// <summary>
/// 短板 are few: the indicators that cost the most points against the group median, worst first, taken until they
/// account for ShareOfLoss of all the points lost, and never more than MaxCount.
/// </summary>
public sealed record WeakPointRule
{
    public int MaxCount { get; init; } = 5;
    public double ShareOfLoss { get; init; } = 0.8;
}
