using FunctionsZone.Core.Tables;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ingest;

/// <summary>
/// Reads an observation file whatever its format and layout: JSON rows; CSV (any encoding TextDecoding detects)
/// or .xlsx (every sheet), each in the long layout (header zone,indicator,period,value) or the bureau's wide
/// monthly table (WideTableReader). The layout is told per sheet by its first non-empty row.
/// </summary>
public static class ObservationFileReader
{
    public static IReadOnlyList<RawRow> Read(ITableFileReader tables, InputFile file, ZoneRegistry registry, List<Finding> findings, ParseLimits? limits = null)
    {
        limits ??= new ParseLimits();
        var rows = ReadRows(tables, file, registry, findings, limits);
        // One cap on every cell, whatever the format: a 50 MB "zone" is refused, not carried into findings.
        foreach (var r in rows)
        {
            var longest = new[] { (r.Zone, r.ZoneAt), (r.Indicator, r.IndicatorAt), (r.Period, r.PeriodAt), (r.Value, r.ValueAt), (r.Unit, "unit"), (r.Yoy, r.YoyAt), (r.Source, "source") }
                .FirstOrDefault(c => c.Item1?.Length > limits.MaxCellChars);
            if (longest.Item1 is null) continue;
            findings.Add(new Finding
            {
                Code = "cell-too-long", Row = r.Row, Column = longest.Item2,
                MessageZh = $"第 {r.Row} 行 {longest.Item2} 列超过 {limits.MaxCellChars:N0} 个字符（「{Quote.Cell(longest.Item1)}」），文件未读取",
                MessageEn = $"Row {r.Row}, column {longest.Item2} is over {limits.MaxCellChars:N0} characters ('{Quote.Cell(longest.Item1)}'); the file was not read",
            });
            return [];
        }
        return rows;
    }

    private static IReadOnlyList<RawRow> ReadRows(ITableFileReader tables, InputFile file, ZoneRegistry registry, List<Finding> findings, ParseLimits limits)
    {
        if (file.Extension == ".json") return JsonRowsReader.Read(file.Text(), findings);
        if (file.Extension == ".xls")
        {
            findings.Add(new Finding
            {
                Code = "unsupported-format",
                MessageZh = "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV", MessageEn = "Old .xls files are not supported: save as .xlsx or CSV in Excel",
            });
            return [];
        }
        IReadOnlyList<IReadOnlyList<GridRow>> sheets;
        if (file.IsSpreadsheet)
        {
            if (XlsxGuard.Check(file.Content, limits) is { } bomb)
            {
                findings.Add(bomb);
                return [];
            }
            try { sheets = tables.ReadWorkbook(file.Content); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                findings.Add(new Finding
                {
                    Code = "malformed-xlsx",
                    MessageZh = $"无法读取 Excel 文件：{Quote.Message(e)}", MessageEn = $"The Excel file cannot be read: {Quote.Message(e)}",
                });
                return [];
            }
        }
        else
        {
            var (text, decimalComma) = DecimalComma.Strip(file.Text());
            IReadOnlyList<GridRow>? grid = Grid.FromCsv(text, out var delimiter);
            if (decimalComma) grid = DecimalComma.Apply(grid, delimiter, findings);
            if (grid is null) return [];
            sheets = [grid];
        }

        var rows = new List<RawRow>();
        foreach (var grid in sheets)
        {
            var first = grid.FirstOrDefault(r => !r.IsEmpty);
            if (first is null) continue;
            if (LongCsvReader.IsLongHeader(first) || !WideTableReader.IsWide(grid)) rows.AddRange(LongCsvReader.Read(grid, findings));
            else rows.AddRange(WideTableReader.Read(grid, registry, findings));
        }
        if (rows.Count == 0 && sheets.All(g => g.All(r => r.IsEmpty)) && !findings.Any(f => f.Code == "empty-file"))
            findings.Add(new Finding { Code = "empty-file", MessageZh = "文件为空或没有表头", MessageEn = "The file is empty or has no header row" });
        return rows;
    }
}
