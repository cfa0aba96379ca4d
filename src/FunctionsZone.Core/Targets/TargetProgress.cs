namespace FunctionsZone.Core.Targets;

/// <summary>How far a target has come, against 序时进度. Percentages are in %, gaps in 个百分点, rounded to 0.1.</summary>
public sealed record TargetProgress
{
    public required string Zone { get; init; }
    public required string Indicator { get; init; }
    public required string Name { get; init; }
    public string NameEn { get; init; } = "";
    public required int Year { get; init; }
    public required string AsOf { get; init; }
    public required string Kind { get; init; }
    public required decimal Target { get; init; }
    public required string Unit { get; init; }
    /// <summary>The figure compared with the target (a growth target's actual is the YoY growth in %).</summary>
    public decimal? Actual { get; init; }
    public string? ActualBasis { get; init; }
    /// <summary>actual ÷ target, in %.</summary>
    public decimal? Completion { get; init; }
    /// <summary>Linear 序时进度, in %.</summary>
    public required decimal TimeProgress { get; init; }
    /// <summary>completion − 序时进度, in 个百分点 (positive = 快于序时进度).</summary>
    public decimal? GapPoints { get; init; }
    /// <summary>achieved, ahead, on-track, behind, at-risk or no-data (TargetThresholds).</summary>
    public required string Status { get; init; }
    public string? Source { get; init; }
    /// <summary>Seasonal 序时进度 from last year's monthly profile, in %, where there is one.</summary>
    public decimal? SeasonalTimeProgress { get; init; }
    /// <summary>completion − seasonal 序时进度, in 个百分点.</summary>
    public decimal? SeasonalGapPoints { get; init; }
    /// <summary>The 序时进度 the ratio and status use: "seasonal", "linear", or "none" (levels, shares, growth rates).</summary>
    public string? TimeProgressBasis { get; init; }
    /// <summary>SDG progress ratio R: observed progress ÷ progress required by now.</summary>
    public decimal? ProgressRatio { get; init; }
    /// <summary>reached, on-track, must-accelerate, limited or deteriorating.</summary>
    public string? ProgressClass { get; init; }
    /// <summary>Year-end projection at the pace so far (seasonal where known), in the target's unit.</summary>
    public decimal? Projection { get; init; }
    public decimal? ProjectedCompletion { get; init; }
    public int? MonthsLeft { get; init; }
    /// <summary>(target − actual) ÷ months left: what each remaining month must add.</summary>
    public decimal? MonthlyNeeded { get; init; }
}
