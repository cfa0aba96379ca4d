using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FunctionsZone.Core.Tables;

namespace FunctionsZone.Core.Ingest;

/// <summary>Reads CSV text into rows of text cells; the layout readers work on these (a workbook's come from ITableFileReader).</summary>
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

    public static string Letter(int index) => GridRow.Letter(index);
}
