using System.Globalization;
using System.Text;

namespace FunctionsZone.Cli.Output;

/// <summary>
/// A plain aligned table; Chinese characters count two columns wide, as terminals draw them. Rendered for a terminal it
/// fits <see cref="MaxWidth"/> columns: the optional columns are left out unless --wide, then the widest cells are cut
/// with "…" until the table fits.
/// </summary>
public sealed class TextTable(params string[] headers)
{
    public const int MaxWidth = 100;
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _optional = [];

    public TextTable Add(params object?[] cells)
    {
        _rows.Add(cells.Select(Format).ToArray());
        return this;
    }

    /// <summary>Columns (by index) shown only with --wide: the essential ones make the default table.</summary>
    public TextTable Optional(params int[] columns)
    {
        _optional.UnionWith(columns);
        return this;
    }

    public static string Format(object? v) => v switch
    {
        null => "—",
        decimal d => d.ToString("0.##", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>Every column, uncut.</summary>
    public override string ToString() => Render(wide: true, int.MaxValue);

    /// <summary>The table for a terminal; a line after it says when columns were left out (wideNote).</summary>
    public string Render(bool wide, int maxWidth = MaxWidth, string? wideNote = null)
    {
        var keep = Enumerable.Range(0, headers.Length).Where(i => wide || !_optional.Contains(i)).ToArray();
        var all = new List<string[]> { keep.Select(i => headers[i]).ToArray() };
        all.AddRange(_rows.Select(r => keep.Select(i => i < r.Length ? r[i] : "").ToArray()));
        var widths = Fit(all, maxWidth);
        var sb = new StringBuilder();
        void Line(string[] cells)
        {
            for (var i = 0; i < cells.Length; i++)
            {
                var c = Cut(cells[i], widths[i]);
                // No trailing spaces after the last cell.
                sb.Append(c).Append(' ', i < cells.Length - 1 ? widths[i] - Width(c) + 2 : 0);
            }
            sb.AppendLine();
        }
        Line(all[0]);
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in all.Skip(1)) Line(r);
        if (keep.Length < headers.Length && wideNote is not null) sb.AppendLine(wideNote);
        return sb.ToString();
    }

    /// <summary>Column widths, the widest narrowed one display column at a time until the line fits (a header keeps up to 10).</summary>
    private static int[] Fit(List<string[]> all, int maxWidth)
    {
        var n = all[0].Length;
        var widths = Enumerable.Range(0, n).Select(i => all.Max(r => Width(r[i]))).ToArray();
        var floor = Enumerable.Range(0, n).Select(i => Math.Min(widths[i], Math.Max(4, Math.Min(Width(all[0][i]), 10)))).ToArray();
        while (widths.Sum() + 2 * (n - 1) > maxWidth)
        {
            var widest = Enumerable.Range(0, n).Where(i => widths[i] > floor[i]).DefaultIfEmpty(-1).MaxBy(i => i < 0 ? 0 : widths[i]);
            if (widest < 0) break;
            widths[widest]--;
        }
        return widths;
    }

    private static string Cut(string s, int width)
    {
        if (Width(s) <= width) return s;
        var sb = new StringBuilder();
        var used = 0;
        foreach (var ch in s)
        {
            var w = Width(ch.ToString());
            if (used + w > width - 1) break;
            sb.Append(ch);
            used += w;
        }
        return sb.Append('…').ToString();
    }

    public static int Width(string s) => s.Sum(c => c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)) ? 2 : 1);
}
