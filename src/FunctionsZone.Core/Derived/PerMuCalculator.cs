using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Derived;

/// <summary>
/// 亩均 figures: 亩均税收 = 税收收入 ÷ 用地面积, 亩均投资强度 = 固定资产投资 ÷ 用地面积, in 万元/亩.
/// A zone without land area for the year (or an earlier one) gets no derived value rather than a guess.
/// </summary>
public static class PerMuCalculator
{
    public static IReadOnlyList<Observation> Derive(ZoneRegistry registry, ObservationSet observations, IEnumerable<Period> periods)
    {
        var result = new List<Observation>();
        var derivedIndicators = registry.Indicators.Where(i => i.IsPerMu).ToList();
        foreach (var period in periods)
        foreach (var indicator in derivedIndicators)
        foreach (var zone in registry.Zones)
        {
            var f = indicator.Derived!;
            var numerator = observations.Get(zone.Id, f.Numerator, period)?.Value;
            var land = zone.LandAreaFor(period.Year);
            if (numerator is null || land is null or <= 0) continue;
            if (SafeDecimal.Try(() => numerator.Value * f.Factor / land.Value) is not { } value) continue;
            result.Add(new Observation
            {
                Zone = zone.Id, Indicator = indicator.Code, Period = period,
                Value = value,
                Source = $"derived: {f.Numerator} × {f.Factor} ÷ landAreaMu[{period.Year}] ({land.Value} 亩)",
            });
        }
        return result;
    }
}
