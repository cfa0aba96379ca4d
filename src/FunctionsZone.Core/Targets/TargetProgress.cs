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
    /// <summary>achieved, ahead, behind or no-data.</summary>
    public required string Status { get; init; }
    public string? Source { get; init; }
}
