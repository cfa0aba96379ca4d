using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Targets;

/// <summary>
/// Target progress as each kind of target means it (docs/methods.md §8):
/// <list type="bullet">
/// <item>flows (cumulative, increment, count): completion = actual ÷ target against 序时进度 (seasonal where last year's profile exists);</item>
/// <item>levels: from last year-end's level, (actual − baseline) ÷ (target − baseline) against 序时进度; without a baseline only the distance to the target;</item>
/// <item>growth: achieved growth ÷ target growth (a YTD growth rate is already a pace; no 序时进度 gap); a stock's growth
/// from last year-end's level; on an indicator that is itself a growth rate (规上工业增加值增速), the rate against the
/// target in 个百分点; before December a reached growth target is on track, not achieved;</item>
/// <item>shares and rates: the distance to the target in 个百分点, never a 序时进度 gap;</item>
/// <item>milestones: done (1) or not.</item>
/// </list>
/// SDG progress ratio and status (TargetThresholds) where a pace is judged; year-end projection and the monthly amount
/// still needed. Count targets without a reported figure read the project registry: dated projects count in their year.
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
        var months = asOf.Month ?? 12;
        var monthsLeft = 12 - months;
        // A growth target is a rate in % whatever the indicator's unit.
        var unit = target.Unit is { Length: > 0 } u ? u : target.Kind == TargetKind.Growth ? "%" : indicator?.Unit ?? "";
        var percent = unit is "%" or "％";
        var higher = indicator?.Direction != Direction.Lower;
        var reached = actual is { } ra && (higher ? ra >= target.Value : ra <= target.Value);
        var (baseline, baselinePeriod) = target.Kind == TargetKind.Level || IsStockGrowth(target, indicator) ? BaselineOf(target, asOf) : (null, null);

        var judgement = target.Kind switch
        {
            TargetKind.Cumulative or TargetKind.Increment or TargetKind.Count => "time-progress",
            TargetKind.Growth when IsRateGrowth(target, indicator) => "growth-points",
            TargetKind.Growth => "growth",
            TargetKind.Milestone => "milestone",
            TargetKind.Level when baseline is { } b && b != target.Value && !percent => "from-baseline",
            _ => "distance-to-target",
        };
        decimal? completion = judgement switch
        {
            "from-baseline" when actual is { } a => (a - baseline!.Value) / (target.Value - baseline.Value) * 100m,
            "distance-to-target" when percent => null,
            "growth-points" => null,
            _ when actual is { } a && target.Value != 0 => a / target.Value * 100m,
            _ => null,
        };
        var paced = judgement is "time-progress" or "from-baseline";
        var seasonal = !noData && judgement == "time-progress" && indicator?.Kind == IndicatorKind.Ytd ? TimeProgress.Seasonal(observations, target.Zone, target.Indicator, asOf) : null;
        // The share of the way that should be behind us by now: 序时进度 for paced rows, the whole way for growth and milestones.
        decimal? required = paced ? seasonal ?? time : judgement is "growth" or "milestone" ? 100m : null;
        // The gap shown is the one against the 序时进度 that decides the status, so the two never disagree.
        decimal? gap = paced && completion is { } c ? c - (seasonal ?? time) : null;
        decimal? ratio = completion is { } cr && required is > 0 ? cr / required.Value : null;
        // A year's growth rate can still fall back before December: reached by now is on track, not achieved.
        var provisional = reached && judgement is "growth" or "growth-points" && months < 12;
        var status = provisional ? "on-track"
            : reached ? "achieved"
            : ratio is { } r0 ? _thresholds.StatusOf(r0, false)
            : actual is not null && judgement is "distance-to-target" or "growth-points" ? "below-target"
            : "no-data";
        decimal? projection = paced && actual is { } pa && months > 0
            ? judgement == "from-baseline"
                ? baseline!.Value + (pa - baseline.Value) * 12m / months
                : seasonal is > 0 ? pa / (seasonal.Value / 100m) : pa * 12m / months
            : null;
        decimal? monthlyNeeded = target.Kind is TargetKind.Cumulative or TargetKind.Increment or TargetKind.Count or TargetKind.Level
                                 && actual is { } na && monthsLeft > 0 ? PerMonth(Math.Max(0, target.Value - na) / monthsLeft, unit) : null;
        return new TargetProgress
        {
            Zone = target.Zone, Indicator = target.Indicator,
            Name = target.NameZh ?? indicator?.NameZh ?? target.Indicator, NameEn = target.NameEn ?? indicator?.NameEn ?? "",
            Year = target.Year, AsOf = asOf.ToString(), Kind = target.Kind.ToString().ToLowerInvariant(), Judgement = judgement,
            Target = target.Value, Unit = unit,
            Actual = actual, ActualBasis = basis,
            Completion = completion is { } cc ? TimeProgress.Round(cc) : null,
            TimeProgress = TimeProgress.Round(time),
            GapPoints = gap is { } g ? TimeProgress.Round(g) : null,
            Baseline = baseline, BaselinePeriod = baselinePeriod,
            // A growth rate against a rate target is said in 个百分点 to 0.1, as the bureau writes it (高于目标1.5个百分点).
            DistanceToTarget = actual is { } d && judgement != "milestone" ? judgement == "growth-points" ? TimeProgress.Round(d - target.Value) : RoundDistance(d - target.Value) : null,
            DistanceUnit = judgement == "milestone" ? null : percent ? "个百分点" : unit,
            Status = status, Source = target.Source,
            SeasonalTimeProgress = seasonal is { } st ? TimeProgress.Round(st) : null,
            SeasonalGapPoints = seasonal is { } sg && completion is { } sc ? TimeProgress.Round(sc - sg) : null,
            LinearGapPoints = paced && completion is { } lc ? TimeProgress.Round(lc - time) : null,
            TimeProgressBasis = paced ? (seasonal is null ? "linear" : "seasonal") : "none",
            ProgressRatio = ratio is { } rr ? Math.Round(rr, 3, MidpointRounding.AwayFromZero) : null,
            ProgressClass = provisional ? "on-track" : ratio is { } rc ? _thresholds.ClassOf(rc, reached) : reached ? "reached" : null,
            Projection = projection is { } pj ? Math.Round(pj, 2, MidpointRounding.AwayFromZero) : null,
            ProjectedCompletion = projection is { } pc && target.Value != 0
                ? TimeProgress.Round(judgement == "from-baseline" ? (pc - baseline!.Value) / (target.Value - baseline.Value) * 100m : pc / target.Value * 100m) : null,
            MonthsLeft = monthsLeft,
            MonthlyNeeded = monthlyNeeded is { } mn ? Math.Round(mn, 2, MidpointRounding.AwayFromZero) : null,
            UndatedProjects = target.Kind == TargetKind.Count && basis == "project-registry" ? projects?.UndatedOf(target.Zone, target.Indicator) : null,
            UndatedProjectsEn = target.Kind == TargetKind.Count && basis == "project-registry" ? projects?.UndatedOf(target.Zone, target.Indicator, "en") : null,
        };
    }

    /// <summary>A growth target on an indicator that is itself a growth rate in % (规上工业增加值增速).</summary>
    public static bool IsRateGrowth(Target target, Indicator? indicator) =>
        target.Kind == TargetKind.Growth && indicator is { Kind: IndicatorKind.Rate, IsPercent: true };

    /// <summary>A growth target on a level (高新技术企业, 发明专利): measured from last year-end.</summary>
    public static bool IsStockGrowth(Target target, Indicator? indicator) =>
        target.Kind == TargetKind.Growth && indicator?.Kind == IndicatorKind.Stock;

    private static decimal RoundDistance(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);

    // 还需 of whole things (家, 个) is a whole number: 3 projects in 7 months is 1 a month, not 0.43.
    private static decimal PerMonth(decimal need, string unit) => UnitCatalogue.IsCount(unit) ? Math.Ceiling(need) : need;

    /// <summary>Last year-end's level: December of last year, else last year's figure.</summary>
    private (decimal? Value, string? Period) BaselineOf(Target target, Period asOf)
    {
        foreach (var p in new[] { Period.OfMonth(asOf.Year - 1, 12), Period.OfYear(asOf.Year - 1) })
            if (observations.Get(target.Zone, target.Indicator, p)?.Value is { } v) return (v, p.ToString());
        return (null, null);
    }

    private (decimal? Actual, string? Basis) ActualOf(Target target, Indicator? indicator, Period asOf)
    {
        var obs = observations.Get(target.Zone, target.Indicator, asOf);
        switch (target.Kind)
        {
            case TargetKind.Growth when IsRateGrowth(target, indicator):
                // The indicator is already a growth rate: its value is the growth, never the growth of a growth.
                return obs?.Value is { } rate ? (rate, "reported-rate") : (null, null);
            case TargetKind.Growth when IsStockGrowth(target, indicator):
                // 高新技术企业增长100%: this year's growth of a level runs from last year-end, not from the same month last year.
                var yearEnd = BaselineOf(target, asOf).Value;
                return obs?.Value is { } count && yearEnd is > 0 ? (TimeProgress.Round((count / yearEnd.Value - 1m) * 100m), "growth-since-last-year-end") : (null, null);
            case TargetKind.Growth:
                if (obs?.Yoy is { } yoy) return (yoy, "reported-yoy");
                var last = observations.Get(target.Zone, target.Indicator, asOf.YearBefore())?.Value;
                return obs?.Value is { } now && last is > 0 ? (TimeProgress.Round((now / last.Value - 1m) * 100m), "computed-yoy") : (null, null);
            case TargetKind.Increment when indicator?.Kind == IndicatorKind.Stock:
                // New within the year: the level now less the level at the end of last year.
                var start = BaselineOf(target, asOf).Value;
                return obs?.Value is { } level && start is { } s ? (level - s, "increment-since-last-year-end") : (null, null);
            case TargetKind.Count when obs?.Value is null && projects?.ActualOf(target.Zone, target.Indicator, asOf) is { } n:
                return (n, "project-registry");
            default:
                return obs?.Value is { } v ? (v, "value") : (null, null);
        }
    }
}
