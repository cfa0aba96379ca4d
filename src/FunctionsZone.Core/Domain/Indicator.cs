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

/// <summary>value = numerator × factor ÷ land area (亩) of the same year.</summary>
public sealed record DerivedFormula(string Numerator, string Denominator, decimal Factor = 1m);

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

    /// <summary>Figures in % are compared in 个百分点; amounts and ratios such as 万元/亩 are not.</summary>
    public bool IsPercent => Unit is "%" or "％";

    /// <summary>Rates and shares have no reported growth of their own: they rank by level only.</summary>
    public bool IsRatio => Kind is IndicatorKind.Rate or IndicatorKind.Share;
}
