using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Derived;

/// <summary>Every figure recompute derives from stored ones: 亩均 (PerMuCalculator) and ratios of two indicators (RatioCalculator).</summary>
public static class DerivedFigures
{
    public static IReadOnlyList<Observation> Derive(ZoneRegistry registry, ObservationSet observations, IReadOnlyCollection<Period> periods) =>
        [.. PerMuCalculator.Derive(registry, observations, periods), .. RatioCalculator.Derive(registry, observations, periods)];
}
