using FunctionsZone.Core.Tables;
using System.Text.RegularExpressions;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ingest;

/// <summary>
/// The statistics bureau's wide monthly table (主要经济指标月报): one row per indicator, value columns 本月 /
/// 1-N月累计 / 同比增长(%), and either
/// <list type="bullet">
/// <item>one block per zone, each under a title row "聊城经济技术开发区 2022年1-5月主要经济指标" (or one sheet per zone), or</item>
/// <item>one column block per zone: a row of zone names above the 本月 / 累计 / 同比 header, the period in the title.</item>
/// </list>
/// Units come from a 单位 column, a 「（亿元）」 in the indicator's name or a column header, or a "单位：万元" line.
/// The 累计 column is the indicator's value at the period; 本月 goes to its single-month companion
/// ("{code}_month") when the registry has one; a 同比 column is the growth of the value column to its left.
/// docs/ingest.md describes the layout with an example.
/// </summary>
public static partial class WideTableReader
{
    private enum ColumnKind { Cumulative, Month, Yoy, ChangePoints, Change }

    private sealed record ValueColumn(int Index, ColumnKind Kind, string Header, string? Unit, string? Zone, int? Month)
    {
        public int? YoyIndex { get; set; }
        public int? ChangePointsIndex { get; set; }
        public int? ChangeIndex { get; set; }
    }

    private sealed class Layout
    {
        public int IndicatorCol = -1;
        public int UnitCol = -1;
        public int ZoneCol = -1;
        public List<ValueColumn> Columns = [];
    }

    /// <summary>True when the text looks like a wide monthly table rather than the long layout.</summary>
    public static bool LooksWide(string text)
    {
        var head = string.Join('\n', text.Split('\n').Take(12));
        return head.Contains("指标") && (head.Contains("累计") || head.Contains("本月") || head.Contains("当月") || head.Contains("全年") || head.Contains("本年"));
    }

    /// <summary>True when some row of the grid is a wide-table header (指标 beside 本月 / 累计 columns).</summary>
    public static bool IsWide(IReadOnlyList<GridRow> grid) => Enumerable.Range(0, Math.Min(30, grid.Count)).Any(i => IsHeader(grid, i));

    public static IReadOnlyList<RawRow> Read(IReadOnlyList<GridRow> grid, ZoneRegistry registry, List<Finding> findings)
    {
        var rows = new List<RawRow>();
        string? zone = null;
        int? year = null, month = null, quarter = null;
        string? defaultUnit = null;
        Layout? layout = null;
        var warnedNoZone = false;
        var titleRow = 0;

        for (var i = 0; i < grid.Count; i++)
        {
            var r = grid[i];
            if (r.IsEmpty) continue;
            var filled = r.Cells.Select((c, k) => (Text: Clean(c), k)).Where(x => x.Text.Length > 0).ToList();

            // A title or note line: one or two filled cells, not a data row of the current layout.
            if (filled.Count <= 2 && (layout is null || filled.All(f => f.k != layout.IndicatorCol) || TitlePeriod().IsMatch(filled[0].Text)))
            {
                var t = string.Concat(filled.Select(f => f.Text));
                if (UnitLine().Match(t) is { Success: true } u) defaultUnit = u.Groups[1].Value.Trim();
                var m = TitlePeriod().Match(t);
                if (m.Success)
                {
                    titleRow = r.Row;
                    year = int.Parse(m.Groups["y"].Value);
                    // 上半年 = 1-6月, 前三季度 = 1-9月; a bare year (2022年主要经济指标) is the year's figures.
                    month = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value) : m.Groups["h"].Value switch { "上半年" => 6, "前三季度" => 9, _ => null };
                    quarter = m.Groups["q"].Success ? "一二三四".IndexOf(m.Groups["q"].Value[0]) is var k and >= 0 ? k + 1 : int.Parse(m.Groups["q"].Value) : null;
                    var before = t[..m.Index].Trim();
                    // "聊城经济技术开发区 2022年1-5月…" names the zone; "2022年1-5月各县市区…" does not.
                    if (before.Length > 0) zone = before;
                    // The layout carries over: a later block may repeat its header or not.
                }
                continue;
            }

            if (IsHeader(grid, i))
            {
                layout = ReadLayout(grid, i, registry, out var consumed);
                i += consumed;
                // "1-5月累计" in a header gives the month when the title gave only the year.
                month ??= layout.Columns.Select(c => c.Month).FirstOrDefault(m => m is not null);
                continue;
            }
            if (layout is null || layout.IndicatorCol < 0) continue;

            var indicatorCell = Clean(r[layout.IndicatorCol]);
            if (indicatorCell.Length == 0 || indicatorCell.StartsWith("注")) continue;
            var (indicatorName, nameUnit) = SplitUnit(StripLead(indicatorCell));
            var unit = layout.UnitCol >= 0 && Clean(r[layout.UnitCol]) is { Length: > 0 } uc ? uc : nameUnit;
            var rowZone = layout.ZoneCol >= 0 && Clean(r[layout.ZoneCol]) is { Length: > 0 } zc ? zc : null;

            foreach (var col in layout.Columns)
            {
                var z = col.Zone ?? rowZone ?? zone;
                if (z is null && !warnedNoZone)
                {
                    warnedNoZone = true;
                    findings.Add(new Finding
                    {
                        Code = "wide-no-zone", Row = r.Row, Column = Grid.Letter(col.Index),
                        MessageZh = $"第 {r.Row} 行：未找到开发区名称（应在标题行，如「聊城经济技术开发区 2022年1-5月主要经济指标」，或在表头上方）",
                        MessageEn = $"Row {r.Row}: no zone found (expected in a title row such as '聊城经济技术开发区 2022年1-5月主要经济指标', or above the header)",
                    });
                }
                var period = year is null ? null : (col.Month ?? month) is { } mo ? $"{year:D4}-{mo:D2}" : quarter is { } q ? $"{year:D4}Q{q}" : $"{year:D4}";
                var value = Clean(r[col.Index]);
                var yoy = col.YoyIndex is { } yi ? Clean(r[yi]) : null;
                var valueUnit = col.Unit ?? unit ?? defaultUnit;
                var header = $"{Grid.Letter(col.Index)}（{Quote.Cell(col.Header, 30)}）";
                var yoyHeader = col.YoyIndex is { } y2 ? $"{Grid.Letter(y2)}（同比）" : null;
                string? indicatorText = indicatorName;
                if (col.Kind == ColumnKind.Month)
                {
                    // 本月 of a flow is stored under its single-month companion; without one it is left out, said aloud.
                    var ind = registry.FindIndicator(indicatorName);
                    var companion = ind is null ? null : registry.Indicators.FirstOrDefault(x => x.Code == ind.Code + "_month");
                    if (companion is null)
                    {
                        if (ind is not null && (!ValueParser.IsMissing(value) || !ValueParser.IsMissing(yoy)))
                        {
                            findings.Add(new Finding
                            {
                                Code = "month-column-ignored", Severity = Severity.Warning, Row = r.Row, Column = header,
                                Zone = z is null ? null : Quote.Cell(z), Indicator = ind.Code, Period = period,
                                MessageZh = $"第 {r.Row} 行：指标「{ind.NameZh}」没有当月指标，本月数未导入",
                                MessageEn = $"Row {r.Row}: '{ind.Code}' has no single-month indicator; the 本月 figure is not imported",
                            });
                        }
                        continue;
                    }
                    indicatorText = companion.Code;
                }
                // 规上工业增加值 is published only as its growth: a table puts it in the 同比 column. For an indicator
                // that is itself a growth rate, that growth is the value.
                if (ValueParser.IsMissing(value) && !ValueParser.IsMissing(yoy) && col.YoyIndex is { } yc
                    && registry.FindIndicator(indicatorText) is { Kind: Domain.IndicatorKind.Rate, IsPercent: true })
                {
                    (value, yoy, header, yoyHeader, valueUnit) = (yoy, null, yoyHeader!, null, "%");
                }
                var zoneAt = col.Zone is not null ? $"{Grid.Letter(col.Index)}（开发区表头 zone header）"
                    : rowZone is not null ? Grid.Letter(layout.ZoneCol) : $"第 {titleRow} 行标题 / title row {titleRow}";
                var periodAt = col.Month is not null ? header : $"第 {titleRow} 行标题 / title row {titleRow}";
                rows.Add(new RawRow(r.Row, z, indicatorText, period, value, valueUnit, yoy, null, header, yoyHeader, r.Sheet,
                    zoneAt, Grid.Letter(layout.IndicatorCol), periodAt,
                    col.ChangePointsIndex is { } cp ? Clean(r[cp]) : null, col.ChangeIndex is { } ch ? Clean(r[ch]) : null));
            }
        }
        if (layout is null && rows.Count == 0)
        {
            findings.Add(new Finding
            {
                Code = "unknown-layout",
                MessageZh = "无法识别表格格式：需要长表表头（开发区,指标,期间,数值）或宽表表头（指标、本月、1-N月累计、同比增长）",
                MessageEn = "Unrecognised layout: expected a long header (zone,indicator,period,value) or a wide header (指标, 本月, 1-N月累计, 同比增长)",
            });
        }
        return rows;
    }

    // 指标 with 本月 / 累计 / 同比 beside it, or in the row below (a zone-name row between them).
    private static bool IsHeader(IReadOnlyList<GridRow> grid, int i)
    {
        var cells = grid[i].Cells.Select(Clean).ToList();
        if (!cells.Any(IsIndicatorHeader)) return false;
        return cells.Any(c => Classify(c) is not null)
            || (i + 1 < grid.Count && grid[i + 1].Cells.Any(c => Classify(Clean(c)) is not null));
    }

    private static bool IsIndicatorHeader(string c) => c is "指标" or "指标名称" or "项目" or "主要指标" or "indicator";

    private static Layout ReadLayout(IReadOnlyList<GridRow> grid, int at, ZoneRegistry registry, out int consumed)
    {
        consumed = 0;
        var header = grid[at];
        var layout = new Layout();
        // Zone names in the row above the header (or in the header itself, with 本月/累计 in the row below).
        Dictionary<int, string> zoneCells = ZoneCells(header, registry);
        var sub = header;
        if (zoneCells.Count > 0 && at + 1 < grid.Count && grid[at + 1].Cells.Any(c => Classify(Clean(c)) is not null))
        {
            sub = grid[at + 1];
            consumed = 1;
        }
        else if (zoneCells.Count == 0 && at > 0)
        {
            for (var k = at - 1; k >= 0 && k >= at - 2; k--)
            {
                if (grid[k].IsEmpty) continue;
                zoneCells = ZoneCells(grid[k], registry);
                break;
            }
        }
        for (var c = 0; c < header.Cells.Count; c++)
        {
            var h = Clean(header[c]);
            if (IsIndicatorHeader(h)) layout.IndicatorCol = c;
            else if (h is "单位" or "计量单位" or "unit") layout.UnitCol = c;
            else if (h is "开发区" or "单位名称" or "地区" or "园区" or "zone") layout.ZoneCol = c;
        }
        ValueColumn? lastValue = null;
        for (var c = 0; c < sub.Cells.Count; c++)
        {
            if (c == layout.IndicatorCol || c == layout.UnitCol || c == layout.ZoneCol) continue;
            var h = Clean(sub[c]);
            var kind = Classify(h);
            if (kind is null) continue;
            var zoneName = zoneCells.Where(z => z.Key <= c).OrderByDescending(z => z.Key).Select(z => z.Value).FirstOrDefault();
            var (_, unit) = SplitUnit(h);
            var mm = CumulativeMonths().Match(h);
            int? month = mm.Success ? int.Parse(mm.Groups["m"].Value) : null;
            if (kind is ColumnKind.Yoy or ColumnKind.ChangePoints or ColumnKind.Change)
            {
                // A growth or change column belongs to the value column on its left (本月 | 本月同比 | 累计 | 累计同比 | 增减).
                if (lastValue is null || lastValue.Zone != zoneName) continue;
                if (kind == ColumnKind.Yoy) lastValue.YoyIndex ??= c;
                else if (kind == ColumnKind.ChangePoints) lastValue.ChangePointsIndex ??= c;
                else lastValue.ChangeIndex ??= c;
                continue;
            }
            lastValue = new ValueColumn(c, kind.Value, h, unit, zoneName, kind == ColumnKind.Cumulative ? month : null);
            layout.Columns.Add(lastValue);
        }
        return layout;
    }

    private static Dictionary<int, string> ZoneCells(GridRow row, ZoneRegistry registry)
    {
        var map = new Dictionary<int, string>();
        for (var c = 0; c < row.Cells.Count; c++)
        {
            var t = Clean(row[c]);
            if (t.Length > 0 && registry.FindZone(t) is not null) map[c] = t;
        }
        return map;
    }

    private static ColumnKind? Classify(string h)
    {
        if (h.Length == 0) return null;
        // 增减(个百分点) is a change of a rate; 增减量 (or 增减 in a unit, not in %) an absolute change — neither is a growth rate.
        if (h.Contains("百分点")) return ColumnKind.ChangePoints;
        if (h.Contains("增减量") || (h.Contains("增减") && !h.Contains('%'))) return ColumnKind.Change;
        if (h.Contains("同比") || h.Contains("增长") || h.Contains("增速") || h.Contains("±")) return ColumnKind.Yoy;
        // 全年 / 本年 in an annual table (2022年主要经济指标) is the year's figure, as 累计 is the months' so far.
        if (h.Contains("累计") || CumulativeMonths().IsMatch(h) || h.StartsWith("全年") || h.StartsWith("本年")) return ColumnKind.Cumulative;
        if (h.Contains("本月") || h.Contains("当月") || SingleMonth().IsMatch(h)) return ColumnKind.Month;
        return null;
    }

    private static string Clean(string? s) => ValueParser.Normalise(s ?? "").Replace("\u00A0", " ").Trim();

    // "  其中：制造业技改投资" → "制造业技改投资"; "1.固定资产投资" and "一、…" lose their numbering.
    private static string StripLead(string s) => LeadNumbering().Replace(s, "").Trim();

    /// <summary>"固定资产投资（亿元）" → ("固定资产投资", "亿元").</summary>
    private static (string Name, string? Unit) SplitUnit(string s)
    {
        var m = TrailingUnit().Match(s);
        return m.Success ? (s[..m.Index].Trim(), m.Groups[1].Value.Trim()) : (s, null);
    }

    [GeneratedRegex(@"(?<y>\d{4})\s*年(?:\s*(?:1\s*[-－—~～至]\s*)?(?<m>\d{1,2})\s*月|\s*(?<h>上半年|前三季度)|\s*第?(?<q>[一二三四1-4])\s*季度)?")]
    private static partial Regex TitlePeriod();
    [GeneratedRegex(@"1\s*[-－—~～至]\s*(?<m>\d{1,2})\s*月")]
    private static partial Regex CumulativeMonths();
    [GeneratedRegex(@"^\d{1,2}\s*月(?:份)?(?:\s*[(（].*[)）])?$")]
    private static partial Regex SingleMonth();
    [GeneratedRegex(@"单位\s*[:：]\s*([^\s,，;；)）]+)")]
    private static partial Regex UnitLine();
    [GeneratedRegex(@"[(（]\s*([^()（）]+?)\s*[)）]\s*$")]
    private static partial Regex TrailingUnit();
    [GeneratedRegex(@"^(?:其中\s*[:：]?|[一二三四五六七八九十]+\s*[、.]|\d+\s*[、.](?!\d)|[(（]\s*\d+\s*[)）])\s*")]
    private static partial Regex LeadNumbering();
}
