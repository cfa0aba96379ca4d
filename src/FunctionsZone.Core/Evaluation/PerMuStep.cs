using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Evaluation;

/// <summary>One group's 亩均效益 evaluation by one method: every scored zone with its points, class A/B/C/D and rank.</summary>
public sealed record PerMuGroupResult(string Group, string GroupName, PerMuMethod Method, double ShareA, double ShareB, double ShareD,
    IReadOnlyList<PerMuIndicator> Indicators, IReadOnlyList<PerMuScore> Zones);

/// <summary>
/// What recompute adds for 亩均效益 (docs/methods.md §7): for every group with at least two zones that have a per-mu
/// figure in the period, the zones' scores and classes by the benchmark formula and by min-max (PerMuConfig.Zones).
/// </summary>
public static class PerMuStep
{
    public static IReadOnlyList<PerMuGroupResult> Evaluate(ZoneRegistry registry, ObservationSet observations, Period period)
    {
        var results = new List<PerMuGroupResult>();
        foreach (var group in registry.Groups)
        {
            var units = UnitsOf(registry, observations, period, group, PerMuConfig.Zones);
            if (units.Count < 2) continue;
            foreach (var method in new[] { PerMuMethod.Benchmark, PerMuMethod.MinMax })
            {
                var config = PerMuConfig.Zones with { Method = method };
                results.Add(new PerMuGroupResult(group.Id, group.NameZh, method, config.ShareA, config.ShareB, config.ShareD, config.Indicators,
                    PerMuEvaluation.Evaluate(units, config)));
            }
        }
        return results;
    }

    /// <summary>The group's members with at least one of the configuration's figures in the period.</summary>
    public static IReadOnlyList<PerMuUnit> UnitsOf(ZoneRegistry registry, ObservationSet observations, Period period, Group group, PerMuConfig config) =>
        registry.Members(group).Select(z => new PerMuUnit(z.Id, z.NameZh, config.Indicators
                .Select(i => (i.Indicator, Value: observations.Get(z.Id, i.Indicator, period)?.Value))
                .Where(x => x.Value is not null).ToDictionary(x => x.Indicator, x => (double)x.Value!.Value)))
            .Where(u => u.Values.Count > 0).ToList();
}
