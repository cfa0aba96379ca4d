using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Functions.Http;

/// <summary>
/// Reads for portals, served from the latest published snapshot. Query parameters are named as fz's options;
/// zones, groups and indicators by id or 中文名. Every read has an ETag and answers If-None-Match with 304.
/// </summary>
public sealed class ReadFunctions(SnapshotReader reader)
{
    [Function("GetZones")]
    public async Task<IActionResult> Zones([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "zones")] HttpRequest req)
    {
        if (!Lang.TryParse(req, out var en, out var bad)) return bad!;
        var registry = await reader.RegistryAsync(await reader.LatestAsync());
        var all = registry.Zones.Select(z => ZoneView(z, en)).ToList();
        return Paging.TryPage(req, all, out var page, out var problem) ? Respond.Read(req, page) : problem!;
    }

    /// <summary>A zone and its page for a period (default the latest): figures, ranking lines and targets.</summary>
    [Function("GetZone")]
    public async Task<IActionResult> Zone([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "zones/{zone}")] HttpRequest req, string zone)
    {
        if (!Lang.TryParse(req, out var en, out var bad)) return bad!;
        var period = req.Query["period"].ToString();
        if (period.Length > 0 && !Period.TryParse(period, out _)) return Problems.BadPeriod(period);
        var registry = await reader.RegistryAsync(await reader.LatestAsync());
        var z = registry.Zone(zone);
        var zonePage = await reader.ZonePageAsync(z.Id, period.Length > 0 ? period : null);
        return Respond.Read(req, new { zone = ZoneView(z, en), page = zonePage });
    }

    [Function("GetIndicators")]
    public async Task<IActionResult> Indicators([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "indicators")] HttpRequest req)
    {
        if (!Lang.TryParse(req, out var en, out var bad)) return bad!;
        var registry = await reader.RegistryAsync(await reader.LatestAsync());
        var all = registry.Indicators.Select(i => new
        {
            i.Code, name = Lang.Pick(en, i.NameZh, i.NameEn), i.NameZh, i.NameEn, i.Unit, i.Kind, i.Direction, i.Aliases, i.Derived,
        }).ToList();
        return Paging.TryPage(req, all, out var page, out var problem) ? Respond.Read(req, page) : problem!;
    }

    /// <summary>A series: one zone × indicator over a period range (from, to inclusive; either may be left out).</summary>
    [Function("GetSeries")]
    public async Task<IActionResult> Series([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "series")] HttpRequest req)
    {
        var q = req.Query;
        if (string.IsNullOrEmpty(q["zone"]) || string.IsNullOrEmpty(q["indicator"]))
            return Problems.BadRequest("missing-parameter", "需要参数 zone 和 indicator / zone and indicator are required");
        Period? from = null, to = null;
        foreach (var (name, set) in new (string, Action<Period>)[] { ("from", p => from = p), ("to", p => to = p) })
        {
            var text = q[name].ToString();
            if (text.Length == 0) continue;
            if (!Period.TryParse(text, out var p)) return Problems.BadPeriod(text);
            set(p);
        }
        var points = await reader.SeriesAsync(q["zone"]!, q["indicator"]!, from, to);
        return Paging.TryPage(req, points, out var page, out var problem) ? Respond.Read(req, page) : problem!;
    }

    [Function("GetRankings")]
    public async Task<IActionResult> Rankings([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rankings")] HttpRequest req)
    {
        var q = req.Query;
        if (string.IsNullOrEmpty(q["period"]) || string.IsNullOrEmpty(q["indicator"]) || string.IsNullOrEmpty(q["group"]))
            return Problems.BadRequest("missing-parameter", "需要参数 period、indicator、group / period, indicator and group are required");
        if (!Period.TryParse(q["period"], out _)) return Problems.BadPeriod(q["period"]);
        if (!TryMeasure(q["measure"], out var measure))
            return Problems.BadRequest("bad-measure", $"measure 应为 level 或 growth / measure must be level or growth, not '{q["measure"]}'");
        if (!Lang.TryParse(req, out var en, out var bad)) return bad!;
        var ranking = await reader.RankingAsync(q["period"]!, q["indicator"]!, q["group"]!, measure);
        if (en)
        {
            var registry = await reader.RegistryAsync(await reader.LatestAsync());
            var ind = registry.Indicator(ranking.Indicator);
            var grp = registry.Group(ranking.Group);
            ranking = ranking with
            {
                IndicatorName = Lang.Pick(true, ind.NameZh, ind.NameEn), GroupName = Lang.Pick(true, grp.NameZh, grp.NameEn),
                Entries = ranking.Entries.Select(e => e with { Name = Lang.Pick(true, e.Name, e.NameEn) }).ToList(),
            };
        }
        return Respond.Read(req, ranking);
    }

    [Function("GetTargets")]
    public async Task<IActionResult> Targets([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "targets")] HttpRequest req)
    {
        var q = req.Query;
        if (string.IsNullOrEmpty(q["zone"]) || !int.TryParse(q["year"], out var year))
            return Problems.BadRequest("missing-parameter", "需要参数 zone 和 year / zone and year are required");
        var asOf = q["asOf"].ToString();
        if (asOf.Length > 0 && !Period.TryParse(asOf, out _)) return Problems.BadPeriod(asOf);
        return Respond.Read(req, await reader.TargetsAsync(q["zone"]!, year, asOf.Length == 0 ? null : asOf));
    }

    private static object ZoneView(Zone z, bool en) => new
    {
        z.Id, name = Lang.Pick(en, z.NameZh, z.NameEn), z.NameZh, z.NameEn, z.Level, z.Province, z.City, z.Parent, z.Groups, z.LandAreaMu, z.Illustrative,
    };

    public static bool TryMeasure(string? text, out Measure measure) => MeasureText.TryParse(text, out measure);
}
