namespace FunctionsZone.Core.Rankings;

/// <summary>Rank by the level of the figure (总量) or by its YoY growth (增速).</summary>
public enum Measure { Level, Growth }

/// <summary>One zone's place in a ranking. Rank is null for a zone without a value: listed, never ranked last.</summary>
public sealed record RankingEntry
{
    public required string Zone { get; init; }
    public required string Name { get; init; }
    public string NameEn { get; init; } = "";
    public decimal? Value { get; init; }
    public int? Rank { get; init; }
    public int Of { get; init; }
    /// <summary>"reported" (the bureau's figure), "computed" (growth we computed from last year's value) or "derived" (亩均).</summary>
    public string? Basis { get; init; }
    public int? PreviousRank { get; init; }
    /// <summary>Places gained since the previous period (positive = 提升, negative = 下滑).</summary>
    public int? MoveFromPrevious { get; init; }
    public int? YearAgoRank { get; init; }
    public int? MoveFromYearAgo { get; init; }
    /// <summary>Value minus the reference unit's own figure, in 个百分点 (rates, shares and growth only).</summary>
    public decimal? DifferencePoints { get; init; }
    public string Status => Rank is null ? "not-ranked" : "ranked";
    /// <summary>
    /// Why a zone with a figure has no growth rank: "base-zero" (上年同期为零), "turned-positive" (由负转正),
    /// "turned-profit" (扭亏, a profit indicator), "base-negative" (上年同期为负); null otherwise.
    /// </summary>
    public string? NotRankedReason { get; init; }
    /// <summary>The reason in words, as a table prints it beside 未排名.</summary>
    public string? NotRankedReasonZh { get; init; }
    public string? NotRankedReasonEn { get; init; }
    public string? Source { get; init; }
}

public sealed record Ranking
{
    public required string Period { get; init; }
    public required string Indicator { get; init; }
    public required string IndicatorName { get; init; }
    public required string Group { get; init; }
    public required string GroupName { get; init; }
    public required Measure Measure { get; init; }
    public required string Unit { get; init; }
    public required string Direction { get; init; }
    public string? PreviousPeriod { get; init; }
    public string? YearAgoPeriod { get; init; }
    public string? Reference { get; init; }
    public decimal? ReferenceValue { get; init; }
    public required IReadOnlyList<RankingEntry> Entries { get; init; }
}
