using System.Globalization;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Functions.Http;

/// <summary>
/// Composite evaluation, weak points, what-if and benchmarks from the latest snapshot, through the same
/// EvaluationReader as fz composite / weakpoints / whatif / benchmark. Query parameters are named as fz's options.
/// </summary>
public sealed class EvaluationFunctions(SnapshotReader snapshots)
{
    private readonly EvaluationReader _reader = new(snapshots);

    /// <summary>GET /api/composite?scheme=S&amp;period=P[&amp;zone=Z]</summary>
    [Function("GetComposite")]
    public async Task<IActionResult> Composite([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "composite")] HttpRequest req)
    {
        if (Missing(req, "scheme", "period") is { } problem) return problem;
        var r = await _reader.CompositeAsync(req.Query["scheme"]!, req.Query["period"]!);
        if (req.Query["zone"].ToString() is { Length: > 0 } zone)
        {
            var registry = await snapshots.RegistryAsync(await snapshots.LatestAsync());
            var id = registry.Zone(zone).Id;
            r = r with { Zones = r.Zones.Where(z => z.Zone == id).ToList() };
        }
        return Respond.Read(req, r);
    }

    /// <summary>
    /// GET /api/weakpoints?zone=Z&amp;period=P[&amp;scheme=S][&amp;max=N][&amp;share=S]: the 短板 publish stored in the zone page
    /// (without scheme: the zone's headline scheme, as the portal and the briefing show it).
    /// </summary>
    [Function("GetWeakPoints")]
    public async Task<IActionResult> WeakPoints([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "weakpoints")] HttpRequest req)
    {
        if (Missing(req, "zone", "period") is { } problem) return problem;
        int? max = null;
        double? share = null;
        if (!string.IsNullOrEmpty(req.Query["max"]))
        {
            if (!int.TryParse(req.Query["max"], out var m) || m < 1) return Problems.BadRequest("bad-max", $"max 应为正整数 / max must be a positive integer, not '{req.Query["max"]}'");
            max = m;
        }
        if (!string.IsNullOrEmpty(req.Query["share"]))
        {
            if (!double.TryParse(req.Query["share"], NumberStyles.Float, CultureInfo.InvariantCulture, out var sh) || sh is <= 0 or > 1)
                return Problems.BadRequest("bad-share", $"share 应在 (0, 1] / share must be within (0, 1], not '{req.Query["share"]}'");
            share = sh;
        }
        var scheme = string.IsNullOrEmpty(req.Query["scheme"]) ? null : req.Query["scheme"].ToString();
        return Respond.Read(req, await _reader.WeakPointsAsync(req.Query["zone"]!, scheme, req.Query["period"]!, default, max, share));
    }

    /// <summary>GET /api/whatif?zone=Z&amp;indicator=I&amp;scheme=S&amp;period=P[&amp;places=K], or &amp;improve=X without indicator.</summary>
    [Function("GetWhatIf")]
    public async Task<IActionResult> WhatIf([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "whatif")] HttpRequest req)
    {
        if (Missing(req, "zone", "scheme", "period") is { } problem) return problem;
        var q = req.Query;
        if (string.IsNullOrEmpty(q["indicator"]))
        {
            if (!double.TryParse(q["improve"], NumberStyles.Float, CultureInfo.InvariantCulture, out var pct))
                return Problems.BadRequest("missing-parameter", "需要参数 indicator，或 improve（百分比） / indicator is required, or improve (a percentage)");
            return Respond.Read(req, await _reader.BestSingleAsync(q["zone"]!, q["scheme"]!, q["period"]!, pct));
        }
        var places = 1;
        if (!string.IsNullOrEmpty(q["places"]) && (!int.TryParse(q["places"], out places) || places < 1))
            return Problems.BadRequest("bad-places", $"places 应为正整数 / places must be a positive integer, not '{q["places"]}'");
        return Respond.Read(req, await _reader.WhatIfAsync(q["zone"]!, q["indicator"]!, q["scheme"]!, q["period"]!, places));
    }

    /// <summary>GET /api/permu?period=P[&amp;group=G][&amp;method=benchmark|min-max]: 亩均效益 scores and classes A/B/C/D from the snapshot.</summary>
    [Function("GetPerMu")]
    public async Task<IActionResult> PerMu([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "permu")] HttpRequest req)
    {
        if (Missing(req, "period") is { } problem) return problem;
        PerMuMethod? method = req.Query["method"].ToString() switch
        {
            "" => null,
            "benchmark" => PerMuMethod.Benchmark,
            "min-max" => PerMuMethod.MinMax,
            var other => throw new FormatException($"method 应为 benchmark 或 min-max，不是「{other}」 / method must be benchmark or min-max, not '{other}'"),
        };
        var group = req.Query["group"].ToString();
        return Respond.Read(req, await _reader.PerMuAsync(req.Query["period"]!, group.Length > 0 ? group : null, method));
    }

    /// <summary>GET /api/benchmarks?zone=Z&amp;peer=P&amp;indicator=I&amp;period=P, or ?period=P[&amp;zone=Z] for shares of the city.</summary>
    [Function("GetBenchmarks")]
    public async Task<IActionResult> Benchmarks([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "benchmarks")] HttpRequest req)
    {
        if (Missing(req, "period") is { } problem) return problem;
        var q = req.Query;
        if (!string.IsNullOrEmpty(q["peer"]))
        {
            if (Missing(req, "zone", "indicator") is { } p2) return p2;
            return Respond.Read(req, await _reader.CompareAsync(q["zone"]!, q["peer"]!, q["indicator"]!, q["period"]!));
        }
        return Respond.Read(req, await _reader.CitySharesAsync(string.IsNullOrEmpty(q["zone"]) ? null : q["zone"].ToString(), q["period"]!));
    }

    private static IActionResult? Missing(HttpRequest req, params string[] names)
    {
        var missing = names.Where(n => string.IsNullOrWhiteSpace(req.Query[n])).ToList();
        return missing.Count == 0 ? null : Problems.BadRequest("missing-parameter",
            $"需要参数 {string.Join("、", missing)} / {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} required");
    }
}
