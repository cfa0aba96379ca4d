using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Targets;

/// <summary>序时进度: the share of the year elapsed, which a year's target "should" have reached.</summary>
public static class TimeProgress
{
    /// <summary>Linear 序时进度 in %: months elapsed ÷ 12 (end of May → 41.7%). A year period is 100%.</summary>
    public static decimal Linear(Period asOf) => asOf.Month is { } m ? m * 100m / 12m : 100m;

    /// <summary>Rounds half away from zero (四舍五入), as statistical tables do.</summary>
    public static decimal Round(decimal value, int decimals = 1) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
