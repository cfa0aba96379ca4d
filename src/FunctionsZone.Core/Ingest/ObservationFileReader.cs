using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Ingest;

/// <summary>
/// Reads an observation file whatever its format and layout: JSON rows; CSV (any encoding TextDecoding detects)
/// or .xlsx (every sheet), each in the long layout (header zone,indicator,period,value) or the bureau's wide
/// monthly table (WideTableReader). The layout is told per sheet by its first non-empty row.
/// </summary>
public static class ObservationFileReader
{
    public static IReadOnlyList<RawRow> Read(InputFile file, ZoneRegistry registry, List<Finding> findings)
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
            try { sheets = Grid.FromXlsx(file.Content); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                findings.Add(new Finding
                {
                    Code = "malformed-xlsx",
                    MessageZh = $"无法读取 Excel 文件：{e.Message}", MessageEn = $"The Excel file cannot be read: {e.Message}",
                });
                return [];
            }
        }
        else sheets = [Grid.FromCsv(file.Text())];

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
