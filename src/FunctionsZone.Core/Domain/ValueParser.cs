using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Domain;

/// <summary>Reads numbers as statistical tables write them.</summary>
public static partial class ValueParser
{
    private static readonly HashSet<string> MissingMarkers = ["", "—", "——", "－", "-", "/", "…", "……", "...", "n/a", "NA", "null"];

    /// <summary>True when the text is one of the markers Chinese tables use for "no figure".</summary>
    public static bool IsMissing(string? text) => text is null || MissingMarkers.Contains(Normalise(text).Trim());

    /// <summary>
    /// Parses full-width digits, thousands separators, a trailing % and the scale words 万 / 亿.
    /// Returns the number and the scale word found (to be applied by the unit conversion), or null when unparsable.
    /// A comma is a thousands separator only in groups of three after a digit (1,234,567.5): "33,6" is not a number
    /// here, never 336 (a file that uses decimal commas says so, see DecimalComma).
    /// </summary>
    public static bool TryParse(string? text, out decimal value, out string? scaleWord)
    {
        value = 0;
        scaleWord = null;
        if (IsMissing(text)) return false;
        if (WithoutThousands(text!) is not { } t) return false;
        if (t.EndsWith('%')) t = t[..^1];
        if (t.EndsWith('亿') || t.EndsWith('万'))
        {
            scaleWord = t[^1].ToString();
            t = t[..^1];
        }
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True when the text is a number, but one beyond decimal's range (1e40, 8e28): value-out-of-range, not bad-value.</summary>
    public static bool IsOutOfRange(string? text)
    {
        if (IsMissing(text)) return false;
        if (WithoutThousands(text!)?.TrimEnd('%', '亿', '万') is not { } t) return false;
        return double.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d)
               && (double.IsInfinity(d) || Math.Abs(d) >= 7.9e28);
    }

    /// <summary>The text without spaces and without its thousands separators; null when a comma is anything else.</summary>
    private static string? WithoutThousands(string text)
    {
        var t = Normalise(text).Trim().Replace(" ", "");
        if (!t.Contains(',')) return t;
        return ThousandsGrouped().IsMatch(t) ? t.Replace(",", "") : null;
    }

    // 1,234 / -12,345,678.9 / 2,474万 / 1,234% — a digit, then only groups of exactly three.
    [GeneratedRegex(@"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?[%万亿]?$")]
    private static partial Regex ThousandsGrouped();

    /// <summary>Full-width ASCII (１２３．４，％) to half-width; the ideographic space to a space.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E') sb.Append((char)(c - 0xFEE0));
            else if (c == '\u3000') sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
