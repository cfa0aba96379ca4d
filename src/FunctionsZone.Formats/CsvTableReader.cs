using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FunctionsZone.Core.Tables;

namespace FunctionsZone.Formats;

/// <summary>Core's <see cref="ITableFileReader"/>: header-keyed CSV records with their row and line numbers (CsvHelper), .xlsx sheets (MiniExcel).</summary>
public sealed class CsvTableReader : ITableFileReader
{
    public Table ReadRecords(string csvText, TableOptions options)
    {
        using var csv = new CsvReader(new StringReader(csvText), Configuration(options));
        // No header row (an empty file): no records, not a parser exception.
        if (!csv.Read() || !csv.ReadHeader()) return new Table(false, []);
        var headers = csv.HeaderRecord!.Select(h => Fold(h, options)).ToArray();
        var records = new List<TableRecord>();
        while (csv.Read())
        {
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            // The first column of a repeated header wins, as CsvHelper's lookup by name does.
            for (var i = 0; i < headers.Length; i++)
                fields.TryAdd(headers[i], csv.TryGetField<string>(i, out var v) ? v : null);
            records.Add(new TableRecord(csv.Parser.Row, csv.Parser.RawRow, fields));
        }
        return new Table(true, records);
    }

    public IReadOnlyList<IReadOnlyList<GridRow>> ReadWorkbook(byte[] content) => XlsxWorkbook.Read(content);

    private static CsvConfiguration Configuration(TableOptions options) => new(CultureInfo.InvariantCulture)
    {
        TrimOptions = options.Trim ? TrimOptions.Trim : TrimOptions.None, MissingFieldFound = null,
        // Lenient tables pass a stray quote through as text; exact ones refuse it, as CsvHelper does by default.
        BadDataFound = options.Trim ? null : ConfigurationFunctions.BadDataFound,
    };

    private static string Fold(string header, TableOptions options) =>
        options.FoldHeaders ? header.Trim().TrimStart('\uFEFF').ToLowerInvariant() : header;
}
