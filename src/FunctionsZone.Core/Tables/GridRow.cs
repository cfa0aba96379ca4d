namespace FunctionsZone.Core.Tables;

/// <summary>One row of a table as cells of text, with the row number a statistician sees (line in a CSV, row in a sheet).</summary>
public sealed record GridRow(int Row, IReadOnlyList<string?> Cells, string? Sheet = null)
{
    public string? this[int i] => i < Cells.Count ? Cells[i] : null;
    public bool IsEmpty => Cells.All(string.IsNullOrWhiteSpace);
    /// <summary>"C" for the third column, "Sheet2!C" on a workbook's second sheet.</summary>
    public string Column(int i) => (Sheet is null ? "" : Sheet + "!") + Letter(i);

    /// <summary>A column's letters: "A" for 0, "AA" for 26.</summary>
    public static string Letter(int index)
    {
        var s = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26) s = (char)('A' + (i - 1) % 26) + s;
        return s;
    }
}
