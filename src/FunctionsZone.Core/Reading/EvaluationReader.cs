using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Evaluation;

namespace FunctionsZone.Core.Reading;

/// <summary>
/// Composite, weak points, what-if and benchmarks read from the latest snapshot, so fz and the HTTP routes give the
/// same answers: what-if is recomputed from the scheme and raw inputs stored in composite.json; weak points are read
/// from the zone page, where publish stored them.
/// </summary>
public sealed class EvaluationReader(SnapshotReader reader)
{
    /// <summary>The schemes the latest snapshot was published with (registry/schemes.json), by id or 中文名.</summary>
    public async Task<SchemeCatalog> SchemesAsync(CancellationToken ct = default)
    {
        var latest = await reader.LatestAsync(ct);
        var list = await reader.ReadAsync<List<PublishedScheme>>(latest, SnapshotLayout.Schemes, ct) ?? [];
        return new SchemeCatalog(list.Select(s => s.ToStored()).ToList());
    }

    public async Task<CompositeResult> CompositeAsync(string scheme, string period, CancellationToken ct = default)
    {
        var latest = await reader.LatestAsync(ct);
        var p = Period.Parse(period);
        var catalog = await SchemesAsync(ct);
        var s = catalog.Find(scheme) ?? throw catalog.Unknown(scheme);
        var doc = await reader.ReadAsync<CompositeDocument>(latest, SnapshotLayout.Composite(p), ct);
        return doc?.Composites.FirstOrDefault(c => string.Equals(c.Scheme, s.Id, StringComparison.OrdinalIgnoreCase))
               ?? throw new SnapshotNotFoundException(
                   $"快照中没有 {p} 期「{s.NameZh}」的综合评价（比较组内有足够数据的开发区不足两个） / The snapshot has no composite of scheme '{s.Id}' for {p} (fewer than two zones of its group have enough data)");
    }

    /// <summary>
    /// 短板 of a zone as published in its zone page (ZonePage.WeakPoints, computed once at publish): under the scheme
    /// named, or the zone's headline scheme (the first) when none is. Only an explicit maxCount / shareOfLoss, a rule
    /// other than the scheme's, asks the same computation (WeakPoints.For) again.
    /// </summary>
    public async Task<WeakPointReport> WeakPointsAsync(string zone, string? scheme, string period, CancellationToken ct = default, int? maxCount = null, double? shareOfLoss = null)
    {
        if (maxCount is not null || shareOfLoss is not null) return await OtherRuleAsync(zone, scheme, period, maxCount, shareOfLoss, ct);
        var page = await reader.ZonePageAsync(zone, Period.Parse(period).ToString(), ct);
        if (scheme is null)
            return page.WeakPoints.FirstOrDefault() ?? throw new SnapshotNotFoundException(
                $"快照中{page.Period} 期没有评价「{page.NameZh}」的方案，无短板 / No scheme scores {page.Zone} in {page.Period}: no weak points");
        var s = (await SchemesAsync(ct)).Find(scheme) ?? throw (await SchemesAsync(ct)).Unknown(scheme);
        return page.WeakPoints.FirstOrDefault(w => string.Equals(w.Scheme, s.Id, StringComparison.OrdinalIgnoreCase))
               ?? throw new Registry.LookupException($"开发区「{page.NameZh}」不在方案「{s.NameZh}」{page.Period} 期的比较组中 / Zone '{page.Zone}' is not scored by scheme '{s.Id}' for {page.Period}", "zone-not-in-scheme", zone);
    }

    private async Task<WeakPointReport> OtherRuleAsync(string zone, string? scheme, string period, int? maxCount, double? shareOfLoss, CancellationToken ct)
    {
        var schemeId = scheme ?? (await WeakPointsAsync(zone, null, period, ct)).Scheme;
        var (input, zoneId, _) = await InputAsync(zone, schemeId, period, ct);
        var rule = input.Scheme.WeakPoints;
        rule = rule with { MaxCount = maxCount ?? rule.MaxCount, ShareOfLoss = shareOfLoss ?? rule.ShareOfLoss };
        if (rule.MaxCount < 1 || rule.ShareOfLoss is <= 0 or > 1)
            throw new FormatException("短板数应为正整数、失分占比应在 (0, 1] / max must be a positive integer and share within (0, 1]");
        return WeakPoints.For(input, zoneId, rule);
    }

    public async Task<WhatIfResult> WhatIfAsync(string zone, string indicator, string scheme, string period, int places = 1, CancellationToken ct = default)
    {
        var (input, zoneId, registry) = await InputAsync(zone, scheme, period, ct);
        var key = input.IndexOfColumn(indicator) >= 0 ? indicator : registry.FindIndicator(indicator)?.Code ?? indicator;
        return WhatIf.Solve(input, zoneId, key, places);
    }

    public async Task<IReadOnlyList<WhatIfGain>> BestSingleAsync(string zone, string scheme, string period, double percent, CancellationToken ct = default)
    {
        var (input, zoneId, _) = await InputAsync(zone, scheme, period, ct);
        return WhatIf.BestSingle(input, zoneId, percent);
    }

    public async Task<BenchmarkComparison> CompareAsync(string zone, string peer, string indicator, string period, CancellationToken ct = default)
    {
        var latest = await reader.LatestAsync(ct);
        var registry = await reader.RegistryAsync(latest, ct);
        var p = Period.Parse(period);
        var doc = await reader.ReadAsync<ObservationsDocument>(latest, SnapshotLayout.Observations(p), ct)
                  ?? throw new SnapshotNotFoundException($"快照中没有期间 {p} 的数据 / The snapshot has no data for period {p}");
        return Benchmark.Compare(registry, new ObservationSet(doc.Observations), p, zone, peer, indicator);
    }

    public async Task<IReadOnlyList<CityShare>> CitySharesAsync(string? zone, string period, CancellationToken ct = default)
    {
        var latest = await reader.LatestAsync(ct);
        var registry = await reader.RegistryAsync(latest, ct);
        var p = Period.Parse(period);
        var z = zone is null ? null : registry.Zone(zone);
        var doc = await reader.ReadAsync<BenchmarksDocument>(latest, SnapshotLayout.Benchmarks(p), ct);
        return (doc?.CityShares ?? []).Where(s => z is null || s.Zone == z.Id).ToList();
    }

    private async Task<(CompositeInput Input, string Zone, Registry.ZoneRegistry Registry)> InputAsync(string zone, string scheme, string period, CancellationToken ct)
    {
        var latest = await reader.LatestAsync(ct);
        var registry = await reader.RegistryAsync(latest, ct);
        var z = registry.Zone(zone);
        var result = await CompositeAsync(scheme, period, ct);
        var input = CompositeInput.FromResult(result);
        // What an import would refuse (share-0-100 …) is never proposed: the built-in rules, as seeds/validation-rules.json.
        return (input with { Bounds = CompositeInput.BoundsFrom(input.Model, registry, Ingest.Validation.ValidationRules.Default) }, z.Id, registry);
    }

    /// <summary>亩均效益 classes of a period from the snapshot: every group and method, or one group (by id or 中文名) and/or method.</summary>
    public async Task<IReadOnlyList<PerMuGroupResult>> PerMuAsync(string period, string? group = null, PerMuMethod? method = null, CancellationToken ct = default)
    {
        var latest = await reader.LatestAsync(ct);
        var registry = await reader.RegistryAsync(latest, ct);
        var p = Period.Parse(period);
        var g = group is null ? null : registry.Group(group);
        var doc = await reader.ReadAsync<PerMuDocument>(latest, SnapshotLayout.PerMu(p), ct);
        var list = (doc?.Evaluations ?? []).Where(e => (g is null || e.Group == g.Id) && (method is null || e.Method == method)).ToList();
        if (list.Count == 0)
            throw new SnapshotNotFoundException(
                $"快照中没有 {p} 期{(g is null ? "" : $"「{g.NameZh}」")}的亩均效益评价（需至少两个有亩均数据的开发区） / The snapshot has no per-mu evaluation{(g is null ? "" : $" of {g.Id}")} for {p} (it needs two zones with per-mu figures)");
        return list;
    }

    public sealed record PerMuDocument(string Period, List<PerMuGroupResult> Evaluations);
    public sealed record CompositeDocument(string Period, List<CompositeResult> Composites);
    public sealed record BenchmarksDocument(string Period, List<CityShare> CityShares);
    public sealed record ObservationsDocument(string Period, List<Observation> Observations);
}
