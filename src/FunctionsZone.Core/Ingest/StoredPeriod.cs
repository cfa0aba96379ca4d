using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ingest;

/// <summary>
/// The period a reported figure is stored under, by the indicator's kind. Figures are kept by month (1-N月 for
/// cumulative flows) and year, so that rankings, targets and snapshots work on months:
/// <list type="bullet">
/// <item>a year to date (2022年1-5月, 上半年, 前三季度) is the month it runs to — except for a single-month indicator (当月);</item>
/// <item>a quarter is its last month where that means the same figure: a stock's level at the quarter's end, and the
/// first quarter of a cumulative flow or rate (一季度 = 1-3月); any other quarter of a flow or rate is a single quarter's
/// figure, which no month holds, and is refused.</item>
/// </list>
/// </summary>
public static class StoredPeriod
{
    /// <summary>The stored period, or null with the reason (Chinese, English) it cannot be stored.</summary>
    public static (Period? Stored, string Zh, string En) Of(Period reported, bool yearToDate, Indicator indicator)
    {
        if (yearToDate && indicator.Kind == IndicatorKind.Month)
            return (null, $"「{indicator.NameZh}」是当月指标，不能填 1-N月累计", $"'{indicator.Code}' is a single-month figure: a year-to-date period does not apply");
        if (reported.Grain != PeriodGrain.Quarter) return (reported, "", "");
        var q = reported.Quarter!.Value;
        var end = Period.OfMonth(reported.Year, q * 3);
        if (indicator.Kind == IndicatorKind.Stock || (q == 1 && indicator.Kind != IndicatorKind.Month)) return (end, "", "");
        return (null,
            $"「{indicator.NameZh}」的第{q}季度单季数无法按月保存：请填 1-{q * 3}月累计（如 {reported.Year}年1-{q * 3}月）",
            $"'{indicator.Code}' for quarter {q} alone cannot be stored by month: send the year to date, 1-{q * 3}月 ({reported.Year}年1-{q * 3}月)");
    }
}
