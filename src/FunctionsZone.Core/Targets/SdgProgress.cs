namespace FunctionsZone.Core.Targets;

/// <summary>
/// The Open SDG / Statistics Canada progress measure for a target years away: R = observed CAGR ÷ required CAGR, with
/// CAGR = (y₁ ÷ y₀)^(1 ÷ (t₁ − t₀)) − 1 from the base year, and the classes of TargetThresholds (on track R ≥ 0.95,
/// must accelerate ≥ 0.6, limited ≥ 0, deteriorating &lt; 0; a reached target overrides all). A zero base or target is
/// taken as 0.001, as Open SDG does. When the base already equals the target no growth is required and R is undefined:
/// a value that moved away from it is deteriorating.
/// </summary>
public static class SdgProgress
{
    public sealed record Result(double? Ratio, double ObservedCagr, double? RequiredCagr, string Class);

    public static Result Classify(double baseValue, int baseYear, double current, int currentYear, double target, int targetYear,
        bool higherIsBetter, TargetThresholds? thresholds = null)
    {
        var t = thresholds ?? TargetThresholds.Default;
        double NonZero(double v) => v == 0 ? 0.001 : v;
        var b = NonZero(baseValue);
        var observed = Math.Pow(NonZero(current) / b, 1.0 / Math.Max(1, currentYear - baseYear)) - 1;
        if (higherIsBetter ? current >= target : current <= target) return new Result(null, observed, null, "reached");
        var required = Math.Pow(NonZero(target) / b, 1.0 / Math.Max(1, targetYear - baseYear)) - 1;
        if (required == 0) return new Result(null, observed, 0, "deteriorating");
        var ratio = observed / required;
        return new Result(ratio, observed, required, t.ClassOf((decimal)ratio, false));
    }
}
