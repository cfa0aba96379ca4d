using FunctionsZone.Core.Rankings;

namespace FunctionsZone.Core.Evaluation;

/// <summary>How raw values become comparable 0–1 scores (docs/methods.md §1). Lower-is-better indicators are flipped.</summary>
public enum Normalisation { MinMax, ZScore, DistanceToFrontier, DistanceToTarget, PercentileRank }

/// <summary>Linear Σwᵢvᵢ/Σwᵢ or geometric exp(Σwᵢ ln vᵢ / Σwᵢ).</summary>
public enum Aggregation { Linear, Geometric }

/// <summary>A zone without a value: leave the indicator out and renormalise its weights, or score it 0.</summary>
public enum MissingRule { SkipRenormalise, Zero }

/// <summary>
/// A composite evaluation scheme (国评 / 省评 / 市对区考核), as data in seeds/schemes/*.json (schema in docs/methods.md).
/// Weights need not sum to 1: category weights and indicator weights within a category are normalised.
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
    /// <summary>The peer group (groups.json id) whose members are scored.</summary>
    public required string Group { get; init; }
    public Normalisation Normalisation { get; init; } = Normalisation.MinMax;
    public Aggregation Aggregation { get; init; } = Aggregation.Linear;
    public MissingRule Missing { get; init; } = MissingRule.SkipRenormalise;
    /// <summary>Where the structure and weights come from, and which weights are our assumption.</summary>
    public string? Note { get; init; }
    public Uncertainty Uncertainty { get; init; } = new();
    /// <summary>A zone is scored only when the indicators it has carry at least this share of the total weight.</summary>
    public double MinCoverage { get; init; } = 0.5;
    public required IReadOnlyList<SchemeCategory> Categories { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<(SchemeCategory Category, SchemeIndicator Indicator)> AllIndicators =>
        Categories.SelectMany(c => c.Indicators.Select(i => (c, i)));
}

public sealed record SchemeCategory
{
    public required string Id { get; init; }
    public required string NameZh { get; init; }
    public string NameEn { get; init; } = "";
    public required double Weight { get; init; }
    public required IReadOnlyList<SchemeIndicator> Indicators { get; init; }
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
    /// <summary>distance-to-frontier: fixed best and worst values (default: the group's best and worst).</summary>
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
