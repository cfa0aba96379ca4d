using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Targets;

/// <summary>序时进度: the share of the year elapsed, which a year's target "should" have reached.</summary>
public static class TimeProgress
{
    /// <summary>Linear 序时进度 in %: months elapsed ÷ 12 (end of May → 41.7%). A year period is 100%.</summary>
    public static decimal Linear(Period asOf) => asOf.Month is { } m ? m * 100m / 12m : 100m;

    /// <summary>
    /// Seasonal 序时进度 in %: last year's YTD at the same month ÷ last year's annual total (its December YTD or its
    /// year figure). Null when last year's profile is not there; the linear one applies then.
    /// </summary>
    public static decimal? Seasonal(ObservationSet observations, string zone, string indicator, Period asOf)
    {
        if (asOf.Month is null) return 100m;
        var sameMonth = observations.Get(zone, indicator, asOf.YearBefore())?.Value;
        var annual = observations.Get(zone, indicator, Period.OfMonth(asOf.Year - 1, 12))?.Value
                     ?? observations.Get(zone, indicator, Period.OfYear(asOf.Year - 1))?.Value;
        return sameMonth is { } m && annual is > 0 ? SafeDecimal.Try(() => m / annual.Value * 100m) : null;
    }

    /// <summary>Rounds half away from zero (四舍五入), as statistical tables do.</summary>
    public static decimal Round(decimal value, int decimals = 1) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
