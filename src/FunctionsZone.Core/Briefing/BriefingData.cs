using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Targets;

namespace FunctionsZone.Core.Briefing;

/// <summary>What a briefing reads from the published snapshot, and only that: one zone, one month, the city's field.</summary>
public sealed record BriefingData
{
    public required SnapshotPointer Latest { get; init; }
    public required ZoneRegistry Registry { get; init; }
    public required Zone Zone { get; init; }
    public required Period Period { get; init; }
    /// <summary>The comparison group whose reference is the zone's city (全市); null when the zone has none.</summary>
    public Group? City { get; init; }
    public required IReadOnlyList<Ranking> Rankings { get; init; }
    public required IReadOnlyList<Observation> Observations { get; init; }
    public required IReadOnlyList<TargetProgress> Targets { get; init; }
    public required IReadOnlyList<OfficialRankMove> Official { get; init; }
    /// <summary>The latest year up to the period's year with derived 亩均 figures, and that year's observations.</summary>
    public string? PerMuYear { get; init; }
    public IReadOnlyList<Observation> PerMuObservations { get; init; } = [];
    public IReadOnlyList<string> BenchmarkPeers { get; init; } = [];
    /// <summary>The zone's headline 短板 as publish stored it in the zone page (null when no scheme scores the zone).</summary>
    public Evaluation.WeakPointReport? WeakPoints { get; init; }

    public string RankingsFile => SnapshotLayout.Rankings(Period);
    public string ObservationsFile => SnapshotLayout.Observations(Period);
    public string TargetsFile => SnapshotLayout.Targets(Period);
    public const string OfficialFile = SnapshotLayout.OfficialRanks;
    public string ZoneFile => SnapshotLayout.ZonePage(Period, Zone.Id);
    public string? PerMuFile => PerMuYear is null ? null : SnapshotLayout.Observations(PerMuYear);

    public Observation? Figure(string indicator) => Observations.FirstOrDefault(o => o.Zone == Zone.Id && o.Indicator == indicator);

    /// <summary>The zone's entry in the city's ranking of an indicator by a measure, when it is ranked among at least two.</summary>
    public (Ranking Ranking, RankingEntry Entry)? CityRank(string indicator, Measure measure)
    {
        if (City is null) return null;
        var r = Rankings.FirstOrDefault(k => k.Indicator == indicator && k.Group == City.Id && k.Measure == measure);
        var e = r?.Entries.FirstOrDefault(x => x.Zone == Zone.Id && x.Rank is not null);
        return e is null || e.Of < 2 ? null : (r!, e);
    }

    /// <summary>True when the zone has anything to brief on in the period.</summary>
    public bool HasData => Observations.Any(o => o.Zone == Zone.Id && o.Value is not null);
}
