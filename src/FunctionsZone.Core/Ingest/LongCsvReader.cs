using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace FunctionsZone.Core.Ingest;

/// <summary>
/// Reads the canonical long CSV: zone, indicator, period, value [, unit, yoy, source],
/// with English or Chinese headers (开发区/指标/期间/数值/单位/同比/来源).
/// </summary>
public static class LongCsvReader
{
    internal static readonly Dictionary<string, string[]> HeaderAliases = new()
    {
        ["zone"] = ["zone", "开发区", "园区", "地区", "单位名称"],
        ["indicator"] = ["indicator", "指标", "指标名称"],
        ["period"] = ["period", "期间", "时间", "月份"],
        ["value"] = ["value", "数值", "值"],
        ["unit"] = ["unit", "单位", "计量单位"],
        ["yoy"] = ["yoy", "同比", "同比增长", "同比增长(%)", "同比(%)"],
        ["source"] = ["source", "来源"],
    };

    public static IReadOnlyList<RawRow> Read(TextReader text, List<Finding> findings)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectDelimiter = true,
        };
        using var csv = new CsvReader(text, config);
        var rows = new List<RawRow>();
        if (!csv.Read() || !csv.ReadHeader())
        {
            findings.Add(new Finding { Code = "empty-file", MessageZh = "文件为空或没有表头", MessageEn = "The file is empty or has no header row" });
            return rows;
        }
        var header = csv.HeaderRecord!.Select(h => ValueParser.Normalise(h).Trim().TrimStart('\uFEFF')).ToArray();
        var index = MapHeader(header);
        foreach (var required in new[] { "zone", "indicator", "period", "value" })
        {
            if (!index.ContainsKey(required))
            {
                findings.Add(new Finding
                {
                    Code = "missing-column", Row = 1, Column = required,
                    MessageZh = $"缺少必需列「{HeaderAliases[required][1]}」({required})",
                    MessageEn = $"Required column '{required}' ({HeaderAliases[required][1]}) is missing",
                });
            }
        }
        if (findings.Count > 0) return rows;

        string? Field(string name) => index.TryGetValue(name, out var i) ? csv.GetField(i) : null;
        while (csv.Read())
        {
            var row = csv.Parser.RawRow;
            if (csv.Parser.Record is { } rec && rec.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new RawRow(row, Field("zone"), Field("indicator"), Field("period"), Field("value"),
                Field("unit"), Field("yoy"), Field("source")));
        }
        return rows;
    }

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
