using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Targets;

/// <summary>
/// Completion = actual ÷ target (a growth target: achieved growth ÷ target growth);
/// gap = completion − linear 序时进度, in 个百分点.
/// </summary>
public sealed class TargetCalculator(ZoneRegistry registry, ObservationSet observations)
{
    public IReadOnlyList<TargetProgress> Compute(IEnumerable<Target> targets, Period asOf) =>
        targets.Where(t => t.Year == asOf.Year).Select(t => Compute(t, asOf)).ToList();

    public TargetProgress Compute(Target target, Period asOf)
    {
        var indicator = registry.FindIndicator(target.Indicator);
        var (actual, basis) = ActualOf(target, indicator, asOf);
        var time = TimeProgress.Linear(asOf);
        decimal? completion = actual is { } a && target.Value != 0 ? a / target.Value * 100m : null;
        decimal? gap = completion is { } c ? c - time : null;
        var status = completion switch
        {
            null => "no-data",
            >= 100m => "achieved",
            _ when gap >= 0 => "ahead",
            _ => "behind",
        };
        return new TargetProgress
        {
            Zone = target.Zone, Indicator = target.Indicator,
            Name = indicator?.NameZh ?? target.Indicator, NameEn = indicator?.NameEn ?? "",
            Year = target.Year, AsOf = asOf.ToString(), Kind = target.Kind.ToString().ToLowerInvariant(),
            Target = target.Value, Unit = target.Unit is { Length: > 0 } u ? u : indicator?.Unit ?? "",
            Actual = actual, ActualBasis = basis,
            Completion = completion is { } cc ? TimeProgress.Round(cc) : null,
            TimeProgress = TimeProgress.Round(time),
            GapPoints = gap is { } g ? TimeProgress.Round(g) : null,
            Status = status, Source = target.Source,
        };
    }

    private (decimal? Actual, string? Basis) ActualOf(Target target, Indicator? indicator, Period asOf)
    {
        var obs = observations.Get(target.Zone, target.Indicator, asOf);
        switch (target.Kind)
        {
            case TargetKind.Growth:
                if (obs?.Yoy is { } yoy) return (yoy, "reported-yoy");
                var last = observations.Get(target.Zone, target.Indicator, asOf.YearBefore())?.Value;
                return obs?.Value is { } now && last is > 0 ? ((now / last.Value - 1m) * 100m, "computed-yoy") : (null, null);
            case TargetKind.Increment when indicator?.Kind == IndicatorKind.Stock:
                // New within the year: the level now less the level at the end of last year.
                var start = observations.Get(target.Zone, target.Indicator, Period.OfMonth(asOf.Year - 1, 12))?.Value
                            ?? observations.Get(target.Zone, target.Indicator, Period.OfYear(asOf.Year - 1))?.Value;
                return obs?.Value is { } level && start is { } s ? (level - s, "increment-since-last-year-end") : (null, null);
            default:
                return obs?.Value is { } v ? (v, "value") : (null, null);
        }
    }
}
