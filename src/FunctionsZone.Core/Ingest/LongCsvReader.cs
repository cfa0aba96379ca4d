using FunctionsZone.Core.Tables;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ingest;

/// <summary>
/// Reads the canonical long CSV: zone, indicator, period, value [, unit, yoy, source, change_pp, change],
/// with English or Chinese headers (开发区/指标/期间/数值/单位/同比/来源/增减(个百分点)/增减量).
/// </summary>
public static class LongCsvReader
{
    internal static readonly Dictionary<string, string[]> HeaderAliases = new()
    {
        ["zone"] = ["zone", "开发区", "园区", "地区", "单位名称", "region"],
        ["indicator"] = ["indicator", "指标", "指标名称"],
        ["period"] = ["period", "期间", "时间", "月份"],
        ["value"] = ["value", "数值", "值"],
        ["unit"] = ["unit", "单位", "计量单位"],
        ["yoy"] = ["yoy", "同比", "同比增长", "同比增长(%)", "同比(%)"],
        ["source"] = ["source", "来源"],
        // Changes that are not growth rates: a share's 提高0.85个百分点, a population's 减少1.52万人.
        ["change_pp"] = ["change_pp", "增减(个百分点)", "比上年增减(个百分点)", "同比增减(个百分点)", "增减百分点"],
        ["change"] = ["change", "增减量", "比上年增减量", "同比增减量", "增量"],
    };

    public static IReadOnlyList<RawRow> Read(TextReader text, List<Finding> findings) =>
        Read(Grid.FromCsv(text.ReadToEnd()), findings);

    /// <summary>True when the row is a long-layout header: it names at least zone, indicator, period and value.</summary>
    public static bool IsLongHeader(GridRow row)
    {
        var map = MapHeader(Header(row));
        return map.ContainsKey("zone") && map.ContainsKey("indicator") && map.ContainsKey("period") && map.ContainsKey("value");
    }

    /// <summary>The long layout from rows of cells (a CSV or one sheet of a workbook); the first non-empty row is the header.</summary>
    public static IReadOnlyList<RawRow> Read(IReadOnlyList<GridRow> grid, List<Finding> findings)
    {
        var rows = new List<RawRow>();
        var headerAt = grid.ToList().FindIndex(r => !r.IsEmpty);
        if (headerAt < 0)
        {
            findings.Add(new Finding { Code = "empty-file", MessageZh = "文件为空或没有表头", MessageEn = "The file is empty or has no header row" });
            return rows;
        }
        var headerRow = grid[headerAt];
        var index = MapHeader(Header(headerRow));
        var before = findings.Count;
        foreach (var required in new[] { "zone", "indicator", "period", "value" })
        {
            if (!index.ContainsKey(required))
            {
                findings.Add(new Finding
                {
                    Code = "missing-column", Row = headerRow.Row, Column = required,
                    MessageZh = $"缺少必需列「{HeaderAliases[required][1]}」({required})",
                    MessageEn = $"Required column '{required}' ({HeaderAliases[required][1]}) is missing",
                });
            }
        }
        if (findings.Count > before) return rows;

        foreach (var r in grid.Skip(headerAt + 1))
        {
            if (r.IsEmpty) continue;
            string? Field(string name) => index.TryGetValue(name, out var i) ? r[i]?.Trim() : null;
            rows.Add(new RawRow(r.Row, Field("zone"), Field("indicator"), Field("period"), Field("value"),
                Field("unit"), Field("yoy"), Field("source"), Sheet: r.Sheet, ChangePoints: Field("change_pp"), Change: Field("change")));
        }
        return rows;
    }

    private static string[] Header(GridRow row) =>
        row.Cells.Select(h => ValueParser.Normalise(h ?? "").Trim().TrimStart('\uFEFF')).ToArray();

    internal static Dictionary<string, int> MapHeader(string[] header)
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < header.Length; i++)
        {
            var h = header[i].Replace(" ", "");
            foreach (var (canonical, aliases) in HeaderAliases)
            {
                if (!map.ContainsKey(canonical) && aliases.Any(a => string.Equals(a, h, StringComparison.OrdinalIgnoreCase)))
                    map[canonical] = i;
            }
        }
        return map;
    }
}
