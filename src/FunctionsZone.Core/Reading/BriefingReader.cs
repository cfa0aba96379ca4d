using FunctionsZone.Core.Briefing;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Core.Reading;

/// <summary>
/// A zone's briefing from the published snapshot: its data read through the snapshot reader, then written by
/// BriefingBuilder (which works on the data alone, so the briefing's wording needs no storage).
/// </summary>
public static class BriefingReader
{
    public static async Task<Briefing.Briefing> BuildAsync(SnapshotReader reader, string zone, string period, BriefingTemplate template,
        IReadOnlyList<string>? benchmarkPeers = null, MastheadSettings? masthead = null, CancellationToken ct = default)
    {
        var data = await LoadAsync(reader, zone, period, benchmarkPeers ?? BriefingBuilder.DefaultPeers, ct);
        return BriefingBuilder.Build(data, template, masthead);
    }

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
        var official = await reader.ReadAsync<List<OfficialRankMove>>(latest, BriefingData.OfficialFile, ct) ?? [];
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
