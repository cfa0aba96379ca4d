using System.Globalization;
using System.Text;

namespace FunctionsZone.Cli.Output;

/// <summary>A plain aligned table; Chinese characters count two columns wide, as terminals draw them.</summary>
public sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public TextTable Add(params object?[] cells)
    {
        _rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    public static string Format(object? v) => v switch
    {
        null => "—",
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    public override string ToString()
    {
        var all = new List<string[]> { headers };
        all.AddRange(_rows);
        var widths = Enumerable.Range(0, headers.Length).Select(i => all.Max(r => i < r.Length ? Width(r[i]) : 0)).ToArray();
        var sb = new StringBuilder();
        void Line(string[] cells)
        {
            for (var i = 0; i < headers.Length; i++)
            {
                var c = i < cells.Length ? cells[i] : "";
                sb.Append(c).Append(' ', widths[i] - Width(c) + (i < headers.Length - 1 ? 2 : 0));
            }
            sb.AppendLine();
        }
        Line(headers);
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in _rows) Line(r);
        return sb.ToString();
    }

    private static int Width(string s) => s.Sum(c => c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)) ? 2 : 1);
}
