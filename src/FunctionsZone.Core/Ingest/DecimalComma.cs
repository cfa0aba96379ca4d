using FunctionsZone.Core.Tables;
using System.Text.RegularExpressions;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ingest;

/// <summary>
/// A file that uses the decimal comma (33,6 for 33.6, as Excel writes CSV in many locales) says so on its first line,
/// <c>decimal=comma</c> or <c>小数点=逗号</c>, and separates its fields with <c>;</c>. Only then is "33,6" read as 33.6;
/// anywhere else a comma not in groups of three is a bad value (ValueParser), never silently 336.
/// </summary>
public static partial class DecimalComma
{
    /// <summary>
    /// The CSV text with its declaration line blanked (line numbers stay), and whether it had one.
    /// </summary>
    public static (string Text, bool Declared) Strip(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]) && text[start] != '\n') start++;
        var end = text.IndexOf('\n', start);
        var line = (end < 0 ? text[start..] : text[start..end]).TrimStart('\uFEFF').Trim().TrimEnd(';', ',', '\t');
        if (!Declaration().IsMatch(ValueParser.Normalise(line))) return (text, false);
        return (end < 0 ? "" : text[..start] + text[end..], true);
    }

    /// <summary>
    /// In a declared file separated by ';', every cell written as digits, a comma and digits (33,6 / -1,5%) becomes
    /// 33.6; a declaration in a file separated otherwise is refused (decimal-comma-separator) and nothing is read.
    /// </summary>
    public static IReadOnlyList<GridRow>? Apply(IReadOnlyList<GridRow> grid, string delimiter, List<Finding> findings)
    {
        if (delimiter != ";")
        {
            findings.Add(new Finding
            {
                Code = "decimal-comma-separator", Row = 1,
                MessageZh = $"第 1 行声明小数点为逗号，但字段分隔符是「{Quote.Cell(delimiter)}」而不是「;」：无法区分小数点与分隔符，文件未读取",
                MessageEn = $"Row 1 declares decimal commas but the fields are separated by '{Quote.Cell(delimiter)}', not ';': the file was not read",
            });
            return null;
        }
        return grid.Select(r => r with { Cells = r.Cells.Select(Convert).ToArray() }).ToList();
    }

    private static string? Convert(string? cell) =>
        cell is not null && CommaNumber().IsMatch(ValueParser.Normalise(cell).Trim()) ? ValueParser.Normalise(cell).Trim().Replace(',', '.') : cell;

    [GeneratedRegex(@"^(?:decimal\s*[=:]\s*(?:comma|,)|小数点\s*[=:：]\s*逗号)$", RegexOptions.IgnoreCase)]
    private static partial Regex Declaration();
    [GeneratedRegex(@"^[+-]?\d+,\d+[%万亿]?$")]
    private static partial Regex CommaNumber();
}
