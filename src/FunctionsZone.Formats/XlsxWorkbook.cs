using System.Globalization;
using FunctionsZone.Core.Tables;
using MiniExcelLibs;

namespace FunctionsZone.Formats;

/// <summary>An .xlsx workbook's sheets as rows of text cells (MiniExcel); the zip-bomb guard (XlsxGuard) runs before this.</summary>
internal static class XlsxWorkbook
{
    /// <summary>Every sheet of an .xlsx workbook; numbers come back as invariant text (9.39, not 9,39).</summary>
    public static IReadOnlyList<IReadOnlyList<GridRow>> Read(byte[] content)
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

    private static int ColumnIndex(string letters)
    {
        var n = 0;
        foreach (var c in letters.ToUpperInvariant()) n = n * 26 + (c - 'A' + 1);
        return n - 1;
    }
}
