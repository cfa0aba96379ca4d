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

    public static async Task<BriefingData> LoadAsync(SnapshotReader reader, string zone, string period, IReadOnlyList<string>? benchmarkPeers = null, CancellationToken ct = default)
    {
        var latest = await reader.LatestAsync(ct);
        var registry = await reader.RegistryAsync(latest, ct);
        var z = registry.Zone(zone);
        var p = Period.Parse(period);
        if (!p.IsMonth)
            throw new FormatException($"简报按月编写，请给出月份，如 {p.Year}-05 / A briefing is monthly: give a month such as {p.Year}-05");
        if (!latest.Periods.Contains(p.ToString()))
            throw new SnapshotNotFoundException($"快照中没有期间 {p} 的数据 / The snapshot has no data for period {p}");
        var rankings = await reader.ReadAsync<SnapshotReader.RankingsDocument>(latest, SnapshotLayout.Rankings(p), ct);
        var observations = await reader.ReadAsync<SnapshotReader.ObservationsDocument>(latest, SnapshotLayout.Observations(p), ct);
        var targets = await reader.ReadAsync<SnapshotReader.TargetsDocument>(latest, SnapshotLayout.Targets(p), ct);
        var official = await reader.ReadAsync<List<OfficialRankMove>>(latest, OfficialFile, ct) ?? [];
        var page = await reader.ReadAsync<ZonePage>(latest, SnapshotLayout.ZonePage(p, z.Id), ct);
        // 亩均 is published per year: the latest year up to the briefing's that has the zone's derived figures.
        string? perMuYear = null;
        IReadOnlyList<Observation> perMu = [];
        foreach (var y in latest.Periods.Where(x => Period.TryParse(x, out var yp) && !yp.IsMonth && yp.Year <= p.Year).OrderDescending(StringComparer.Ordinal))
        {
            var doc = await reader.ReadAsync<SnapshotReader.ObservationsDocument>(latest, SnapshotLayout.Observations(y), ct);
            var derived = registry.Indicators.Where(i => i.IsPerMu).Select(i => i.Code).ToHashSet();
            if (doc?.Observations.Any(o => o.Zone == z.Id && derived.Contains(o.Indicator) && o.Value is not null) == true)
            {
                perMuYear = y;
                perMu = doc.Observations;
                break;
            }
        }
        var city = z.Groups.Select(registry.FindGroup).OfType<Group>().FirstOrDefault(g => g.Reference is not null && g.Reference == z.Parent)
                   ?? z.Groups.Select(registry.FindGroup).OfType<Group>().FirstOrDefault(g => g.Reference is not null);
        return new BriefingData
        {
            Latest = latest, Registry = registry, Zone = z, Period = p, City = city,
            Rankings = rankings?.Rankings ?? [], Observations = observations?.Observations ?? [],
            Targets = targets?.Targets.Where(t => t.Zone == z.Id).ToList() ?? [],
            Official = official.Where(o => o.Zone == z.Id).ToList(),
            PerMuYear = perMuYear, PerMuObservations = perMu,
            BenchmarkPeers = benchmarkPeers ?? [],
            WeakPoints = page?.WeakPoints.FirstOrDefault(),
        };
    }
}
