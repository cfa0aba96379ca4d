namespace FunctionsZone.Core.Tables;

/// <summary>
/// Reads a table file's text into header-keyed records. Core names no file-format package: FunctionsZone.Formats
/// implements this (CsvHelper) and the composition root registers it; callers are handed the reader, never find it.
/// </summary>
public interface ITableFileReader
{
    /// <summary>The header row and the records after it; an empty text has neither.</summary>
    Table ReadRecords(string csvText, TableOptions options);

    /// <summary>Every sheet of an .xlsx workbook (checked by XlsxGuard first); numbers as invariant text (9.39, not 9,39).</summary>
    IReadOnlyList<IReadOnlyList<GridRow>> ReadWorkbook(byte[] content);
}

/// <summary>A header-keyed table; <see cref="HasHeader"/> is false for a text with no row at all.</summary>
public sealed record Table(bool HasHeader, IReadOnlyList<TableRecord> Records);

/// <summary>
/// How a header-keyed table is read. <see cref="Lenient"/>: fields trimmed, headers matched trimmed, without a BOM and in
/// lower case; <see cref="Exact"/>: fields and headers as written.
/// </summary>
public sealed record TableOptions(bool Trim, bool FoldHeaders)
{
    public static readonly TableOptions Lenient = new(true, true);
    public static readonly TableOptions Exact = new(false, false);
}

/// <summary>
/// One record: <see cref="Row"/> is the record's number counting the header as 1 (what a spreadsheet shows for a file
/// without line breaks in cells), <see cref="Line"/> the file's line where the record ends.
/// </summary>
public sealed record TableRecord(int Row, int Line, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>The field under a header (folded as the options say), or null when the header or the cell is missing.</summary>
    public string? this[string header] => Fields.GetValueOrDefault(header);

    /// <summary>The field, which the header must name: a file without that column is not the table expected.</summary>
    public string? Required(string header) => Fields.TryGetValue(header, out var v) ? v
        : throw new InvalidDataException($"第 {Row} 行：缺少列「{header}」 / Row {Row}: no column '{header}'");
}
