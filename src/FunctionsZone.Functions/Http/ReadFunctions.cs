using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsZone.Functions.Http;

/// <summary>Reads for portals, served from the latest published snapshot. Query parameters are named as fz's options.</summary>
public sealed class ReadFunctions(SnapshotReader reader)
{
    [Function("GetZones")]
    public Task<IActionResult> Zones([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "zones")] HttpRequest req) =>
        Problems.Guard(async () =>
        {
            var latest = await reader.LatestAsync();
            return Respond.Json((await reader.RegistryAsync(latest)).Zones);
        });

    [Function("GetIndicators")]
    public Task<IActionResult> Indicators([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "indicators")] HttpRequest req) =>
        Problems.Guard(async () =>
        {
            var latest = await reader.LatestAsync();
            return Respond.Json((await reader.RegistryAsync(latest)).Indicators);
        });

    [Function("GetRankings")]
    public Task<IActionResult> Rankings([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rankings")] HttpRequest req) =>
        Problems.Guard(async () =>
        {
            var q = req.Query;
            if (string.IsNullOrEmpty(q["period"]) || string.IsNullOrEmpty(q["indicator"]) || string.IsNullOrEmpty(q["group"]))
                return Problems.BadRequest("missing-parameter", "需要参数 period、indicator、group / period, indicator and group are required");
            if (!TryMeasure(q["measure"], out var measure))
                return Problems.BadRequest("bad-measure", $"measure 应为 level 或 growth / measure must be level or growth, not '{q["measure"]}'");
            return Respond.Json(await reader.RankingAsync(q["period"]!, q["indicator"]!, q["group"]!, measure));
        });

    [Function("GetTargets")]
    public Task<IActionResult> Targets([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "targets")] HttpRequest req) =>
        Problems.Guard(async () =>
        {
            var q = req.Query;
            if (string.IsNullOrEmpty(q["zone"]) || !int.TryParse(q["year"], out var year))
                return Problems.BadRequest("missing-parameter", "需要参数 zone 和 year / zone and year are required");
            return Respond.Json(await reader.TargetsAsync(q["zone"]!, year, string.IsNullOrEmpty(q["asOf"]) ? null : q["asOf"].ToString()));
        });

    public static bool TryMeasure(string? text, out Measure measure)
    {
        measure = Measure.Level;
        if (string.IsNullOrEmpty(text)) return true;
        return text.ToLowerInvariant() switch
        {
            "level" or "总量" => true,
            "growth" or "增速" => (measure = Measure.Growth) == Measure.Growth,
            _ => false,
        };
    }
}
