namespace FunctionsZone.Core.Evaluation;

/// <summary>
/// A scheme evaluated for one period: every zone's score, rank, uncertainty interval and official rank, and the
/// scheme and raw inputs it came from, so weak points and what-if can be recomputed from the snapshot alone.
/// </summary>
public sealed record CompositeResult
{
    public required string Scheme { get; init; }
    public required string SchemeName { get; init; }
    public string? Evaluation { get; init; }
    public required string Period { get; init; }
    /// <summary>The stored version of the scheme evaluated (fzSchemes, 1 for the first import) and the SHA-256 of its file.</summary>
    public int? SchemeVersion { get; init; }
    public string? SchemeSha256 { get; init; }
    /// <summary>The peer group scored; empty when the scheme names none (every zone with data).</summary>
    public required string Group { get; init; }
    public string GroupName { get; init; } = "";
    public required Normalisation Normalisation { get; init; }
    public required Aggregation Aggregation { get; init; }
    public required MissingRule Missing { get; init; }
    public string? Note { get; init; }
    public required int Draws { get; init; }
    public required int Seed { get; init; }
    public required double WeightRange { get; init; }
    public required IReadOnlyList<CompositeIndicatorInfo> Indicators { get; init; }
    /// <summary>Every category at every level, parents before their children.</summary>
    public IReadOnlyList<CompositeCategoryInfo> Categories { get; init; } = [];
    public required IReadOnlyList<CompositeZone> Zones { get; init; }
    /// <summary>The scheme as evaluated.</summary>
    public required Scheme Definition { get; init; }
}

public sealed record CompositeIndicatorInfo(string Key, string Indicator, string Name, string Category, string CategoryName,
    double Weight, string Direction, string Unit);

/// <summary>A category of the scheme: its parent (null at the top), level (1 = top) and effective weight in the composite.</summary>
public sealed record CompositeCategoryInfo(string Category, string Name, string? Parent, int Level, double Weight);

public sealed record CompositeZone
{
    public required string Zone { get; init; }
    public required string Name { get; init; }
    /// <summary>Null when the zone has no value on any indicator of the scheme.</summary>
    public double? Score { get; init; }
    public int? Rank { get; init; }
    public required int Of { get; init; }
    /// <summary>Monte Carlo median rank and 5th/95th percentile ranks (nearest-rank).</summary>
    public int? MedianRank { get; init; }
    public int? RankP5 { get; init; }
    public int? RankP95 { get; init; }
    /// <summary>The published rank of this evaluation (official-ranks.csv) for the period's year, else the latest before.</summary>
    public int? OfficialRank { get; init; }
    public int? OfficialOf { get; init; }
    public int? OfficialYear { get; init; }
    /// <summary>The simulated rank mapped onto the official field: 1 + round((rank − 1)/(of − 1) × (officialOf − 1)).</summary>
    public int? ScaledRank { get; init; }
    /// <summary>scaledRank − officialRank: positive = the scheme places the zone lower than the official result.</summary>
    public int? DifferenceFromOfficial { get; init; }
    public required IReadOnlyList<CategoryScore> Categories { get; init; }
    public required IReadOnlyList<IndicatorScore> Indicators { get; init; }
}

/// <summary>A category's sub-score and rank; Parent and Level place it in the scheme's tree (Level 1 = top).</summary>
public sealed record CategoryScore(string Category, string Name, double? Score, int? Rank, int Of, string? Parent = null, int Level = 1);

/// <summary>Raw value, normalised value (0–1 except z-score) and the score points it contributes.</summary>
public sealed record IndicatorScore(string Indicator, double? Value, double? Normalised, double? Contribution);
