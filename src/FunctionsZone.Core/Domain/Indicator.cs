namespace FunctionsZone.Core.Domain;

/// <summary>How a figure accumulates over the year.</summary>
public enum IndicatorKind
{
    /// <summary>Year-to-date cumulative flow (1-N月累计); at a year period, the annual total.</summary>
    Ytd,
    /// <summary>Single-month flow (当月).</summary>
    Month,
    /// <summary>Level at the end of the period (counts of firms, balances).</summary>
    Stock,
    /// <summary>A rate in %, such as a growth rate (增速).</summary>
    Rate,
    /// <summary>A share in %, 0–100 (占比).</summary>
    Share,
}

public enum Direction { Higher, Lower }

/// <summary>
/// 亩均 (denominator <c>landArea</c>): value = numerator × factor ÷ land area (亩) of the same year.
/// Ratio (denominator an indicator code, unit %): value = numerator ÷ denominator × 100, rounded to 2 decimals
/// (Derived/RatioCalculator; what a definition must satisfy: Registry/DerivedDefinitions).
/// </summary>
public sealed record DerivedFormula(string Numerator, string Denominator, decimal Factor = 1m)
{
    public const string LandArea = "landArea";

    /// <summary>Over another stored indicator (城镇化率, 三次产业结构), not over the zone's land area.</summary>
    public bool IsRatio => Denominator != LandArea;
}

public sealed record Indicator
{
    public required string Code { get; init; }
    public required string NameZh { get; init; }
    public string NameEn { get; init; } = "";
    /// <summary>Canonical unit: values are stored in it (亿元, 万美元, %, 家 …).</summary>
    public required string Unit { get; init; }
    public IndicatorKind Kind { get; init; }
    public Direction Direction { get; init; } = Direction.Higher;
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public DerivedFormula? Derived { get; init; }

    /// <summary>亩均 figures (over land area), as opposed to ratios of two indicators.</summary>
    public bool IsPerMu => Derived is { IsRatio: false };

    /// <summary>Figures in % are compared in 个百分点; amounts and ratios such as 万元/亩 are not.</summary>
    public bool IsPercent => Unit is "%" or "％";

    /// <summary>Rates and shares have no reported growth of their own: they rank by level only.</summary>
    public bool IsRatio => Kind is IndicatorKind.Rate or IndicatorKind.Share;
}
