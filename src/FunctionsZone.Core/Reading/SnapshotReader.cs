using System.Collections.Concurrent;
using System.Text.Json;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Targets;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Core.Reading;

/// <summary>Reads the latest published snapshot as portals do; names are resolved by id or 中文名.</summary>
/// <remarks>
/// A version's files never change once written (docs/snapshots.md), so what was read and parsed of the latest
/// version is kept in memory and served again; each call still reads latest.json, so a newly published version
/// is seen at once (and the kept files of the old one are dropped).
/// </remarks>
public sealed class SnapshotReader(ISnapshotSource store, SnapshotReaderOptions? options = null)
{
    private readonly TimeSpan latestCacheFor = TimeSpan.FromSeconds(Math.Max(0, options?.LatestCacheSeconds ?? 0));
    private readonly object _gate = new();
    private string? _cachedVersion;
    private ConcurrentDictionary<string, Lazy<Task<object?>>> _cache = new(StringComparer.Ordinal);
    private (SnapshotPointer Pointer, long At)? _latest;

    public async Task<SnapshotPointer> LatestAsync(CancellationToken ct = default)
    {
        if (latestCacheFor > TimeSpan.Zero && _latest is { } kept && Environment.TickCount64 - kept.At < latestCacheFor.TotalMilliseconds)
            return kept.Pointer;
        var pointer = await store.LatestAsync(ct) ?? throw new SnapshotNotFoundException(
            "尚未发布任何快照，请先运行 fz run / No snapshot has been published yet: run `fz run` first");
        if (latestCacheFor > TimeSpan.Zero) _latest = (pointer, Environment.TickCount64);
        return pointer;
    }

    public Task<ZoneRegistry> RegistryAsync(SnapshotPointer latest, CancellationToken ct = default) =>
        Cached(latest, "registry", async () => new ZoneRegistry(
            await ReadAsync<List<Zone>>(latest, SnapshotLayout.Zones, ct) ?? [],
            await ReadAsync<List<Group>>(latest, SnapshotLayout.Groups, ct) ?? [],
            await ReadAsync<List<Indicator>>(latest, SnapshotLayout.Indicators, ct) ?? []))!;

    /// <summary>One ranking list: period × indicator × group × measure.</summary>
    public async Task<Ranking> RankingAsync(string period, string indicator, string group, Measure measure, CancellationToken ct = default)
    {
        var latest = await LatestAsync(ct);
        var registry = await RegistryAsync(latest, ct);
        var p = Period.Parse(period);
        var ind = registry.Indicator(indicator);
        var grp = registry.Group(group);
        var doc = await ReadAsync<RankingsDocument>(latest, SnapshotLayout.Rankings(p), ct)
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
        var doc = await ReadAsync<TargetsDocument>(latest, SnapshotLayout.Targets(period), ct)
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
        var indexes = await Task.WhenAll(periods.Select(p => ObservationIndexAsync(latest, p, ct)));
        return indexes.Select(i => i?.GetValueOrDefault((z.Id, ind.Code))).OfType<Observation>().OrderBy(o => o.Period).ToList();
    }

    /// <summary>One published figure (reported or derived), or null when the snapshot has none.</summary>
    public async Task<Observation?> ObservationAsync(SnapshotPointer latest, string zone, string indicator, Period period, CancellationToken ct = default) =>
        latest.Periods.Contains(period.ToString()) && await ObservationIndexAsync(latest, period, ct) is { } index
            ? index.GetValueOrDefault((zone, indicator)) : null;

    /// <summary>A period's observations by zone and indicator, built once per snapshot version: a series is then lookups, not scans.</summary>
    private Task<Dictionary<(string Zone, string Indicator), Observation>?> ObservationIndexAsync(SnapshotPointer latest, Period period, CancellationToken ct) =>
        Cached(latest, SnapshotLayout.Observations(period) + "|by-zone-indicator", async () =>
        {
            var doc = await ReadAsync<ObservationsDocument>(latest, SnapshotLayout.Observations(period), ct);
            return doc?.Observations.GroupBy(o => (o.Zone, o.Indicator)).ToDictionary(g => g.Key, g => g.First());
        });

    /// <summary>The zone page of a period (default: the latest period that has one).</summary>
    public async Task<ZonePage> ZonePageAsync(string zone, string? period, CancellationToken ct = default)
    {
        var latest = await LatestAsync(ct);
        var registry = await RegistryAsync(latest, ct);
        var z = registry.Zone(zone);
        var p = period is null
            ? latest.Periods.Select(Period.Parse).Order().LastOrDefault().ToString()
            : Period.Parse(period).ToString();
        return await ReadAsync<ZonePage>(latest, SnapshotLayout.ZonePage(p, z.Id), ct)
               ?? throw new SnapshotNotFoundException($"快照中没有 {p} 期「{z.NameZh}」的数据 / The snapshot has no page for {z.Id} in {p}");
    }

    /// <summary>A file of the version, parsed; kept for the next call while this version is the latest.</summary>
    public Task<T?> ReadAsync<T>(SnapshotPointer latest, string path, CancellationToken ct = default) =>
        Cached(latest, $"{path}|{typeof(T).FullName}", async () =>
        {
            var bytes = await store.ReadAsync(latest.Version, path, CancellationToken.None);
            return bytes is null ? default : JsonSerializer.Deserialize<T>(bytes, Json.Options);
        });

    private async Task<T?> Cached<T>(SnapshotPointer latest, string key, Func<Task<T?>> load)
    {
        ConcurrentDictionary<string, Lazy<Task<object?>>> cache;
        lock (_gate)
        {
            if (_cachedVersion != latest.Version)
            {
                _cachedVersion = latest.Version;
                _cache = new(StringComparer.Ordinal);
            }
            cache = _cache;
        }
        var lazy = cache.GetOrAdd(key, _ => new Lazy<Task<object?>>(async () => await load()));
        try { return (T?)await lazy.Value; }
        catch
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<object?>>>(key, lazy));
            throw;
        }
    }

    public sealed record RankingsDocument(string Period, List<Ranking> Rankings);
    public sealed record TargetsDocument(string Period, List<TargetProgress> Targets);
    public sealed record ObservationsDocument(string Period, List<Observation> Observations);
}
