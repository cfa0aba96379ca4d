namespace FunctionsZone.Core.Targets;

/// <summary>
/// Status thresholds on the progress ratio R = observed progress ÷ progress required by now (UN SDG / Open SDG method):
/// R ≥ OnTrack (0.95) on track; ≥ Accelerate (0.6) progress but must accelerate; ≥ 0 limited; &lt; 0 deteriorating;
/// a reached target overrides all. Configurable (FunctionsZone:Targets:OnTrack / Accelerate).
/// </summary>
public sealed record TargetThresholds
{
    public decimal OnTrack { get; init; } = 0.95m;
    public decimal Accelerate { get; init; } = 0.6m;

    public static TargetThresholds Default { get; } = new();

    /// <summary>SDG class: reached, on-track, must-accelerate, limited, deteriorating.</summary>
    public string ClassOf(decimal ratio, bool reached) =>
        reached ? "reached" : ratio >= OnTrack ? "on-track" : ratio >= Accelerate ? "must-accelerate" : ratio >= 0 ? "limited" : "deteriorating";

    /// <summary>Status for leaders: achieved; ahead (R ≥ 1, 快于序时进度); on-track; behind (must accelerate); at-risk (limited or deteriorating).</summary>
    public string StatusOf(decimal ratio, bool reached) =>
        reached ? "achieved" : ratio >= 1 ? "ahead" : ratio >= OnTrack ? "on-track" : ratio >= Accelerate ? "behind" : "at-risk";
}
