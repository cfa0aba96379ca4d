using System.Text;
using System.Text.Json;
using FunctionsZone.Core;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Tests.References;

namespace FunctionsZone.Integration.Tests.References;

/// <summary>
/// COINr's ASEM data written as the files a FunctionsZone user ingests: zones.json (the 51 countries), groups.json,
/// indicators.json (the 49 iCodes with their directions), a long observations CSV of the treated data for 2018, and
/// scheme files. Nothing is recomputed: every figure is the reference's own text.
/// </summary>
public static class AsemInputs
{
    public const string Period = "2018";

    /// <summary>Zones, with the GDP group (L, M, S, XL) as their ranking group when asked.</summary>
    public static InputFile Zones(IEnumerable<IReadOnlyDictionary<string, string>> units, string codeColumn, string nameColumn, string? groupColumn = null) =>
        Json("zones.json", units.Select(u => new
        {
            id = u[codeColumn], nameZh = u[nameColumn], nameEn = u[nameColumn], level = "national",
            groups = groupColumn is null ? Array.Empty<string>() : [$"gdp-{u[groupColumn]}"],
        }));

    public static InputFile Groups(IEnumerable<string> ids) =>
        Json("groups.json", ids.Select(g => new { id = $"gdp-{g}", nameZh = $"GDP 组 {g}", nameEn = $"GDP group {g}" }));

    public static InputFile Indicators(IEnumerable<(string Code, string Name, string Direction)> indicators) =>
        Json("indicators.json", indicators.Select(i => new { code = i.Code, nameZh = i.Name, nameEn = i.Name, unit = "", kind = "stock", direction = i.Direction }));

    /// <summary>zone,indicator,period,value: one row per figure present, in the reference's own digits.</summary>
    public static InputFile Observations(string name, IEnumerable<IReadOnlyDictionary<string, string>> rows, string codeColumn, IEnumerable<string> indicators)
    {
        var csv = new StringBuilder("zone,indicator,period,value\n");
        var list = indicators.ToList();
        foreach (var r in rows)
            foreach (var i in list)
                if (r[i].Length > 0) csv.Append($"{r[codeColumn]},{i},{Period},{r[i]}\n");
        return new InputFile(name, Encoding.UTF8.GetBytes(csv.ToString()));
    }

    public static InputFile Json(string name, object value) => new(name, JsonSerializer.SerializeToUtf8Bytes(value, Core.Json.Indented));

    /// <summary>The COINr ASEM coin: its treated data, its indicators, and the constructed scheme file as it is.</summary>
    public static IReadOnlyList<InputFile> Coin(params InputFile[] extraSchemes)
    {
        var data = ReferenceCases.Csv("coinr-asem-coin/input_treated.csv");
        var meta = ReferenceCases.Csv("coinr-asem-coin/indicators.csv");
        return
        [
            Zones(data, "UnitCode", "UnitName"),
            Indicators(meta.Select(m => (m["iCode"], m["iName"], m["direction"]))),
            Observations("asem-treated-2018.csv", data, "UnitCode", meta.Select(m => m["iCode"])),
            new InputFile("scheme_constructed.json", File.ReadAllBytes(ReferenceCases.PathOf("coinr-asem-coin/scheme_constructed.json"))),
            .. extraSchemes,
        ];
    }

    /// <summary>
    /// COINr's own three levels as a FunctionsZone scheme (structure.json: sub-index → pillar → indicators; directions from
    /// indicators.csv; all weights 1, as the coin's), ranking 2-dp scores as COINr 0.6 does.
    /// </summary>
    public static InputFile ThreeLevelScheme()
    {
        var structure = ReferenceCases.Json("coinr-asem-coin/structure.json");
        var direction = ReferenceCases.Csv("coinr-asem-coin/indicators.csv").ToDictionary(m => m["iCode"], m => m["direction"]);
        var scheme = new
        {
            id = "coinr-asem-3", nameZh = "COINr ASEM 三级结构", nameEn = "COINr ASEM index, its own three levels",
            normalisation = "min-max", aggregation = "linear", rankDecimals = 2,
            uncertainty = new { draws = 50 },
            categories = structure.EnumerateObject().Select(sub => new
            {
                id = sub.Name,
                categories = sub.Value.EnumerateObject().Select(pillar => new
                {
                    id = pillar.Name,
                    indicators = pillar.Value.EnumerateArray().Select(i => new { indicator = i.GetString()!, direction = direction[i.GetString()!] }),
                }),
            }),
        };
        return Json("asem-three-levels.json", scheme);
    }
}
