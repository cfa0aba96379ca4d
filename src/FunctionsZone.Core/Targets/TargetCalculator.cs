using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Targets;

/// <summary>
/// Completion = actual ÷ target (a growth target: achieved growth ÷ target growth);
/// gap = completion − linear 序时进度, in 个百分点; seasonal 序时进度 from last year's profile where present;
/// SDG progress ratio and status (TargetThresholds), year-end projection and the monthly amount still needed
/// (docs/methods.md §7). Count targets without a reported figure read the project registry when one is given.
/// </summary>
public sealed class TargetCalculator(ZoneRegistry registry, ObservationSet observations, TargetThresholds? thresholds = null, ProjectRegistry? projects = null)
{
    private readonly TargetThresholds _thresholds = thresholds ?? TargetThresholds.Default;

    public IReadOnlyList<TargetProgress> Compute(IEnumerable<Target> targets, Period asOf) =>
        targets.Where(t => t.Year == asOf.Year).Select(t => Compute(t, asOf)).ToList();

    public TargetProgress Compute(Target target, Period asOf)
    {
        try { return ComputeCore(target, asOf); }
        // A stored figure too large to divide or project: the target shows no data rather than stopping the recompute.
        catch (OverflowException) { return ComputeCore(target, asOf, noData: true); }
    }

    private TargetProgress ComputeCore(Target target, Period asOf, bool noData = false)
    {
        var indicator = registry.FindIndicator(target.Indicator);
        var (actual, basis) = noData ? (null, null) : ActualOf(target, indicator, asOf);
        var time = TimeProgress.Linear(asOf);
        decimal? completion = actual is { } a && target.Value != 0 ? a / target.Value * 100m : null;
        decimal? gap = completion is { } c ? c - time : null;
        // Flows accumulate through the year, so they are judged against 序时进度; levels, shares and rates against the target itself.
        var timeBased = target.Kind is TargetKind.Cumulative or TargetKind.Increment or TargetKind.Count;
        var seasonal = !noData && timeBased && indicator?.Kind == IndicatorKind.Ytd ? TimeProgress.Seasonal(observations, target.Zone, target.Indicator, asOf) : null;
        var required = timeBased ? seasonal ?? time : 100m;
        decimal? ratio = completion is { } cr && required > 0 ? cr / required : null;
        var reached = completion >= 100m;
        var status = ratio is { } r0 ? _thresholds.StatusOf(r0, reached) : "no-data";
        var months = asOf.Month ?? 12;
        var monthsLeft = 12 - months;
        decimal? projection = timeBased && actual is { } pa && months > 0
            ? (seasonal is > 0 ? pa / (seasonal.Value / 100m) : pa * 12m / months) : null;
        decimal? monthlyNeeded = target.Kind is TargetKind.Cumulative or TargetKind.Increment or TargetKind.Count or TargetKind.Level
                                 && actual is { } na && monthsLeft > 0 ? Math.Max(0, target.Value - na) / monthsLeft : null;
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
            SeasonalTimeProgress = seasonal is { } st ? TimeProgress.Round(st) : null,
            SeasonalGapPoints = seasonal is { } sg && completion is { } sc ? TimeProgress.Round(sc - sg) : null,
            TimeProgressBasis = timeBased ? (seasonal is null ? "linear" : "seasonal") : "none",
            ProgressRatio = ratio is { } rr ? Math.Round(rr, 3, MidpointRounding.AwayFromZero) : null,
            ProgressClass = ratio is { } rc ? _thresholds.ClassOf(rc, reached) : null,
            Projection = projection is { } pj ? Math.Round(pj, 2, MidpointRounding.AwayFromZero) : null,
            ProjectedCompletion = projection is { } pc && target.Value != 0 ? TimeProgress.Round(pc / target.Value * 100m) : null,
            MonthsLeft = monthsLeft,
            MonthlyNeeded = monthlyNeeded is { } mn ? Math.Round(mn, 2, MidpointRounding.AwayFromZero) : null,
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
            case TargetKind.Count when obs?.Value is null && projects?.ActualOf(target.Zone, target.Indicator, asOf.Year) is { } n:
                return (n, "project-registry");
            default:
                return obs?.Value is { } v ? (v, "value") : (null, null);
        }
    }
}
