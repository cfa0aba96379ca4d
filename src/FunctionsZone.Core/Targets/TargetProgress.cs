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
    /// <summary>
    /// How the row is judged (docs/methods.md §8): "time-progress" (a flow against 序时进度), "from-baseline" (a level
    /// or count from last year-end's level against 序时进度), "growth" (achieved growth ÷ target growth), "growth-points" (a growth-rate indicator against a
    /// growth target, in 个百分点),
    /// "distance-to-target" (a share or rate, or a level without a baseline: only how far from the target), "milestone".
    /// </summary>
    public string Judgement { get; init; } = "time-progress";
    /// <summary>
    /// In %: actual ÷ target for flows and growth; (actual − baseline) ÷ (target − baseline) from a baseline;
    /// actual ÷ target for a level without one; null for a share or rate (its distance in 个百分点 is what counts).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public decimal? Completion { get; init; }
    /// <summary>Linear 序时进度, in %.</summary>
    public required decimal TimeProgress { get; init; }
    /// <summary>
    /// completion − the 序时进度 that decides the status (seasonal where TimeProgressBasis is "seasonal", else linear), in
    /// 个百分点 (positive = 快于序时进度); null where 序时进度 does not apply.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public decimal? GapPoints { get; init; }
    /// <summary>A level's baseline: last year-end's level (December, else the year figure), and its period.</summary>
    public decimal? Baseline { get; init; }
    public string? BaselinePeriod { get; init; }
    /// <summary>actual − target in the target's unit (个百分点 for % targets); negative = short of the target.</summary>
    public decimal? DistanceToTarget { get; init; }
    public string? DistanceUnit { get; init; }
    /// <summary>Projects of the registry not counted because they carry no date (fz targets lists them).</summary>
    public IReadOnlyList<string>? UndatedProjects { get; init; }
    /// <summary>The same in English: names marked [zh] where projects.csv has no nameEn (the import reported each), amounts scaled.</summary>
    public IReadOnlyList<string>? UndatedProjectsEn { get; init; }
    /// <summary>achieved, ahead, on-track, behind, at-risk, below-target (a share, or a level without a baseline) or no-data.</summary>
    public required string Status { get; init; }
    public string? Source { get; init; }
    /// <summary>Seasonal 序时进度 from last year's monthly profile, in %, where there is one.</summary>
    public decimal? SeasonalTimeProgress { get; init; }
    /// <summary>completion − seasonal 序时进度, in 个百分点.</summary>
    public decimal? SeasonalGapPoints { get; init; }
    /// <summary>completion − linear 序时进度, in 个百分点 (equals GapPoints unless a seasonal profile decides).</summary>
    public decimal? LinearGapPoints { get; init; }
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
    /// <summary>(target − actual) ÷ months left: what each remaining month must add; whole things (家, 个) rounded up.</summary>
    public decimal? MonthlyNeeded { get; init; }
}
