using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace FunctionsZone.Core.Ingest;

/// <summary>One row of a table as cells of text, with the row number a statistician sees (line in a CSV, row in a sheet).</summary>
public sealed record GridRow(int Row, IReadOnlyList<string?> Cells, string? Sheet = null)
{
    public string? this[int i] => i < Cells.Count ? Cells[i] : null;
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
    /// <summary>"C" for the third column, "Sheet2!C" on a workbook's second sheet.</summary>
    public string Column(int i) => (Sheet is null ? "" : Sheet + "!") + Grid.Letter(i);
}

/// <summary>Reads CSV text or an .xlsx workbook into rows of text cells; the layout readers work on these.</summary>
public static class Grid
{
    public static IReadOnlyList<GridRow> FromCsv(string text) => FromCsv(text, out _);

    /// <summary>The rows of CSV text and the field separator detected (",", tab, ";" or "|").</summary>
    public static IReadOnlyList<GridRow> FromCsv(string text, out string delimiter)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = null, MissingFieldFound = null, DetectDelimiter = true, HasHeaderRecord = false,
            DetectDelimiterValues = [",", "\t", ";", "|"],
        };
        var rows = new List<GridRow>();
        using var parser = new CsvParser(new StringReader(text), config);
        while (parser.Read())
            rows.Add(new GridRow(parser.RawRow, parser.Record!.Select(c => (string?)c).ToArray()));
        delimiter = parser.Delimiter;
        return rows;
    }

    /// <summary>Every sheet of an .xlsx workbook; numbers come back as invariant text (9.39, not 9,39).</summary>
    public static IReadOnlyList<IReadOnlyList<GridRow>> FromXlsx(byte[] content)
    {
        using var ms = new MemoryStream(content);
        var sheets = MiniExcel.GetSheetNames(ms);
        var result = new List<IReadOnlyList<GridRow>>();
        foreach (var sheet in sheets)
        {
            ms.Position = 0;
            var rows = new List<GridRow>();
            var n = 0;
            foreach (IDictionary<string, object?> r in MiniExcel.Query(ms, useHeaderRow: false, sheetName: sheet))
            {
                n++;
                var width = r.Keys.Count == 0 ? 0 : r.Keys.Max(ColumnIndex) + 1;
                var cells = new string?[width];
                foreach (var (k, v) in r) cells[ColumnIndex(k)] = CellText(v);
                rows.Add(new GridRow(n, cells, sheets.Count > 1 ? sheet : null));
            }
            result.Add(rows);
        }
        return result;
    }

    private static string? CellText(object? v) => v switch
    {
        null => null,
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        float f => ((decimal)f).ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int or long or short => Convert.ToString(v, CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    public static string Letter(int index)
    {
        var s = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) s = (char)('A' + (i - 1) % 26) + s;
        return s;
    }

    private static int ColumnIndex(string letters)
    {
        var n = 0;
        foreach (var c in letters.ToUpperInvariant()) n = n * 26 + (c - 'A' + 1);
        return n - 1;
    }
}
