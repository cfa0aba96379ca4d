using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Derived;

/// <summary>
/// Ratios of two stored indicators of the same zone and period, in %: 城镇化率 = 城镇常住人口 ÷ 常住人口 × 100,
/// 第一产业占比 = 第一产业增加值 ÷ 地区生产总值 × 100. The numerator is first converted into the denominator's unit
/// (万人 → 人); the result is rounded to 2 decimals, halves away from zero (四舍五入), as bulletins print it.
/// A zone missing either figure, or with a denominator ≤ 0, gets no value rather than a guess.
/// Definitions are checked when indicators.json is imported (Registry/DerivedDefinitions).
/// </summary>
public static class RatioCalculator
{
    public const int Decimals = 2;

    public static IReadOnlyList<Observation> Derive(ZoneRegistry registry, ObservationSet observations, IEnumerable<Period> periods)
    {
        var byCode = registry.Indicators.DistinctBy(i => i.Code).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var ratios = registry.Indicators
            .Where(i => i.Derived is { IsRatio: true } f && byCode.ContainsKey(f.Numerator) && byCode.ContainsKey(f.Denominator))
            .Select(i => (Indicator: i, Numerator: byCode[i.Derived!.Numerator], Denominator: byCode[i.Derived.Denominator]))
            .ToList();
        var result = new List<Observation>();
        foreach (var period in periods)
        foreach (var (indicator, num, den) in ratios)
        foreach (var zone in registry.Zones)
        {
            var n = observations.Get(zone.Id, num.Code, period)?.Value;
            var d = observations.Get(zone.Id, den.Code, period)?.Value;
            if (n is null || d is not > 0 || Percent(n.Value, num.Unit, d.Value, den.Unit) is not { } value) continue;
            result.Add(new Observation
            {
                Zone = zone.Id, Indicator = indicator.Code, Period = period, Value = value,
                Source = $"derived: {num.Code} ({n.Value} {num.Unit}) ÷ {den.Code} ({d.Value} {den.Unit}) × 100",
            });
        }
        return result;
    }

    /// <summary>numerator ÷ denominator × 100, the numerator in the denominator's unit, rounded to <see cref="Decimals"/>.</summary>
    public static decimal? Percent(decimal numerator, string numeratorUnit, decimal denominator, string denominatorUnit) =>
        UnitConverter.TryConvert(numerator, numeratorUnit, denominatorUnit, out var n)
            ? SafeDecimal.Try(() => Math.Round(n / denominator * 100m, Decimals, MidpointRounding.AwayFromZero))
            : null;
}
