using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Targets;
using FunctionsZone.Core.Results;

namespace FunctionsZone.Core.Snapshots;

/// <summary>One zone's place in one ranking list, for its zone page.</summary>
public sealed record ZoneRankingLine
{
    public required string Indicator { get; init; }
    public required string IndicatorName { get; init; }
    public required string Group { get; init; }
    public required string GroupName { get; init; }
    public required Measure Measure { get; init; }
    public required string Unit { get; init; }
    public required RankingEntry Entry { get; init; }
}

/// <summary>periods/{period}/zones/{zoneId}.json: everything a zone's portal page shows for a period.</summary>
public sealed record ZonePage
{
    public required string Period { get; init; }
    public required string Zone { get; init; }
    public required string NameZh { get; init; }
    public string NameEn { get; init; } = "";
    public required IReadOnlyList<Observation> Observations { get; init; }
    public required IReadOnlyList<ZoneRankingLine> Rankings { get; init; }
    public required IReadOnlyList<TargetProgress> Targets { get; init; }
    /// <summary>
    /// 短板 under every scheme that scores the zone, in composite.json's order (the first is the zone's headline 短板),
    /// computed once here at publish (WeakPoints.ForAll); the portal, the API, fz and the briefing read it, none recomputes it.
    /// </summary>
    public IReadOnlyList<Evaluation.WeakPointReport> WeakPoints { get; init; } = [];

    public static IEnumerable<ZonePage> For(ZoneRegistry registry, PeriodResults r)
    {
        // Grouped once by zone: filtering per zone was quadratic in the number of zones (2,700 in a national month).
        var observations = r.Observations.Concat(r.Derived).ToLookup(o => o.Zone);
        // (ranking, entry) pairs by zone; a page's lines are made with the page, not every line of the month at once.
        var rankings = r.Rankings.SelectMany(k => k.Entries.Select(e => (Ranking: k, Entry: e))).ToLookup(x => x.Entry.Zone);
        var targets = r.Targets.ToLookup(t => t.Zone);
        var weak = WeakPointsByZone(r);
        return registry.Zones.Select(z => new ZonePage
        {
            Period = r.Period, Zone = z.Id, NameZh = z.NameZh, NameEn = z.NameEn,
            Observations = observations[z.Id].ToList(),
            Rankings = rankings[z.Id].Select(x => Line(x.Ranking, x.Entry)).ToList(),
            Targets = targets[z.Id].ToList(),
            WeakPoints = weak[z.Id].ToList(),
        });
    }

    /// <summary>Each composite's 短板 of all its zones, each scheme evaluated once (a zone at a time would be quadratic).</summary>
    private static ILookup<string, Evaluation.WeakPointReport> WeakPointsByZone(PeriodResults r) =>
        r.Composites.SelectMany(c => Evaluation.WeakPoints.ForAll(Evaluation.CompositeInput.FromResult(c))).ToLookup(w => w.Zone);

    private static ZoneRankingLine Line(Ranking k, RankingEntry e) => new()
    {
        Indicator = k.Indicator, IndicatorName = k.IndicatorName, Group = k.Group, GroupName = k.GroupName,
        Measure = k.Measure, Unit = k.Unit, Entry = e,
    };
}
