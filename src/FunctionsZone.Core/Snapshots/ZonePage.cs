using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Targets;

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

    public static IEnumerable<ZonePage> For(ZoneRegistry registry, PeriodResults r) => registry.Zones.Select(z => new ZonePage
    {
        Period = r.Period, Zone = z.Id, NameZh = z.NameZh, NameEn = z.NameEn,
        Observations = r.Observations.Concat(r.Derived).Where(o => o.Zone == z.Id).ToList(),
        Rankings = r.Rankings.SelectMany(k => k.Entries.Where(e => e.Zone == z.Id).Select(e => new ZoneRankingLine
        {
            Indicator = k.Indicator, IndicatorName = k.IndicatorName, Group = k.Group, GroupName = k.GroupName,
            Measure = k.Measure, Unit = k.Unit, Entry = e,
        })).ToList(),
        Targets = r.Targets.Where(t => t.Zone == z.Id).ToList(),
    });
}
