using System.Text.Json;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Targets;

namespace FunctionsZone.Core.Snapshots;

/// <summary>Reads the latest published snapshot as portals do; names are resolved by id or 中文名.</summary>
public sealed class SnapshotReader(ISnapshotStore store)
{
    public async Task<SnapshotPointer> LatestAsync(CancellationToken ct = default) =>
        await store.LatestAsync(ct) ?? throw new SnapshotNotFoundException(
            "尚未发布任何快照，请先运行 fz run / No snapshot has been published yet: run `fz run` first");

    public async Task<ZoneRegistry> RegistryAsync(SnapshotPointer latest, CancellationToken ct = default) => new(
        await ReadAsync<List<Zone>>(latest, "registry/zones.json", ct) ?? [],
        await ReadAsync<List<Group>>(latest, "registry/groups.json", ct) ?? [],
        await ReadAsync<List<Indicator>>(latest, "registry/indicators.json", ct) ?? []);

    /// <summary>One ranking list: period × indicator × group × measure.</summary>
    public async Task<Ranking> RankingAsync(string period, string indicator, string group, Measure measure, CancellationToken ct = default)
    {
        var latest = await LatestAsync(ct);
        var registry = await RegistryAsync(latest, ct);
        var p = Period.Parse(period);
        var ind = registry.Indicator(indicator);
        var grp = registry.Group(group);
        var doc = await ReadAsync<RankingsDocument>(latest, $"periods/{p}/rankings.json", ct)
                  ?? throw new SnapshotNotFoundException($"快照中没有期间 {p} 的数据 / The snapshot has no data for period {p}");
        return doc.Rankings.FirstOrDefault(r => r.Indicator == ind.Code && r.Group == grp.Id && r.Measure == measure)
               ?? throw new SnapshotNotFoundException(
                   $"{p} 期没有「{grp.NameZh}」组「{ind.NameZh}」按{(measure == Measure.Level ? "总量" : "增速")}的排名 / No {measure.ToString().ToLowerInvariant()} ranking of {ind.Code} in {grp.Id} for {p}");
    }

    /// <summary>A zone's targets for a year as of a month (default: the latest month of that year in the snapshot).</summary>
    public async Task<IReadOnlyList<TargetProgress>> TargetsAsync(string zone, int year, string? asOf, CancellationToken ct = default)
    {
        var latest = await LatestAsync(ct);
        var registry = await RegistryAsync(latest, ct);
        var z = registry.Zone(zone);
        string period;
        if (asOf is not null) period = Period.Parse(asOf).ToString();
        else
        {
            period = latest.Periods.Where(p => Period.TryParse(p, out var pp) && pp.Year == year && pp.IsMonth).Order(StringComparer.Ordinal).LastOrDefault()
                     ?? latest.Periods.FirstOrDefault(p => p == year.ToString())
                     ?? throw new SnapshotNotFoundException($"快照中没有 {year} 年的数据 / The snapshot has no period in {year}");
        }
        var doc = await ReadAsync<TargetsDocument>(latest, $"periods/{period}/targets.json", ct)
                  ?? throw new SnapshotNotFoundException($"快照中没有期间 {period} 的数据 / The snapshot has no data for period {period}");
        return doc.Targets.Where(t => t.Zone == z.Id && t.Year == year).ToList();
    }

    /// <summary>
    /// One zone × indicator over a period range, from the published observations (reported and derived),
    /// each point with where it came from.
    /// </summary>
    public async Task<IReadOnlyList<Observation>> SeriesAsync(string zone, string indicator, Period? from, Period? to, CancellationToken ct = default)
    {
        var latest = await LatestAsync(ct);
        var registry = await RegistryAsync(latest, ct);
        var z = registry.Zone(zone);
        var ind = registry.Indicator(indicator);
        var periods = latest.Periods.Select(Period.Parse)
            .Where(p => (from is null || p.CompareTo(from.Value) >= 0) && (to is null || p.CompareTo(to.Value) <= 0)).Order().ToList();
        var docs = await Task.WhenAll(periods.Select(p => ReadAsync<ObservationsDocument>(latest, $"periods/{p}/observations.json", ct)));
        return docs.Where(d => d is not null).SelectMany(d => d!.Observations)
            .Where(o => o.Zone == z.Id && o.Indicator == ind.Code).OrderBy(o => o.Period).ToList();
    }

    /// <summary>The zone page of a period (default: the latest period that has one).</summary>
    public async Task<ZonePage> ZonePageAsync(string zone, string? period, CancellationToken ct = default)
    {
        var latest = await LatestAsync(ct);
        var registry = await RegistryAsync(latest, ct);
        var z = registry.Zone(zone);
        var p = period is null
            ? latest.Periods.Select(Period.Parse).Order().LastOrDefault().ToString()
            : Period.Parse(period).ToString();
        return await ReadAsync<ZonePage>(latest, $"periods/{p}/zones/{z.Id}.json", ct)
               ?? throw new SnapshotNotFoundException($"快照中没有 {p} 期「{z.NameZh}」的数据 / The snapshot has no page for {z.Id} in {p}");
    }

    public async Task<T?> ReadAsync<T>(SnapshotPointer latest, string path, CancellationToken ct = default)
    {
        var bytes = await store.ReadAsync(latest.Version, path, ct);
        return bytes is null ? default : JsonSerializer.Deserialize<T>(bytes, Json.Options);
    }

    public sealed record RankingsDocument(string Period, List<Ranking> Rankings);
    public sealed record TargetsDocument(string Period, List<TargetProgress> Targets);
    public sealed record ObservationsDocument(string Period, List<Observation> Observations);
}

public sealed class SnapshotNotFoundException(string message) : Exception(message);
