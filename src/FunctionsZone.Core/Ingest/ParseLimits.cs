namespace FunctionsZone.Core.Ingest;

/// <summary>
/// Bounds on what a file may make the readers do, checked by counting before anything is decoded whole
/// (docs/ingest.md, "上限 / Limits"): a workbook's inflated size, a sheet's extent, one cell's length.
/// </summary>
public sealed record ParseLimits
{
    /// <summary>Bytes all the parts of an .xlsx may inflate to (xlsx-too-large).</summary>
    public long MaxInflatedBytes { get; init; } = 64L * 1024 * 1024;
    /// <summary>Columns a sheet may declare or use (XFD = 16,384 is Excel's own limit) (sheet-too-large).</summary>
    public int MaxColumns { get; init; } = 1024;
    /// <summary>Rows a sheet may declare or use (sheet-too-large).</summary>
    public int MaxSheetRows { get; init; } = 250_000;
    /// <summary>Rows × columns a sheet may declare or use (sheet-too-large).</summary>
    public long MaxSheetCells { get; init; } = 5_000_000;
    /// <summary>Characters in one cell (cell-too-long); a statistics cell is a name, a number or a unit.</summary>
    public int MaxCellChars { get; init; } = 4000;
}
