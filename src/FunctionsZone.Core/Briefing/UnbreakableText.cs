using System.Text;
using System.Text.RegularExpressions;

namespace FunctionsZone.Core.Briefing;

/// <summary>
/// Numbers a word processor must not split across lines (16.91万元/亩, 3.84 billion yuan, 1-5月): the spaces of a
/// figure become no-break spaces (U+00A0), a hyphen before a digit a non-breaking hyphen (U+2011), and a word joiner
/// (U+2060, no width) goes between characters where Chinese line breaking would allow a break (数字|万|元|/|亩).
/// The figures are the briefing's own log, so every number a section wrote is kept whole.
/// </summary>
public static partial class UnbreakableText
{
    public const char NoBreakSpace = '\u00A0';
    public const char NoBreakHyphen = '\u2011';
    public const char WordJoiner = '\u2060';

    /// <summary>One figure kept whole.</summary>
    public static string Join(string figure)
    {
        var w = new StringBuilder(figure.Length * 2);
        for (var i = 0; i < figure.Length; i++)
        {
            var ch = figure[i] == ' ' ? NoBreakSpace : figure[i];
            if (i > 0 && NeedsJoiner(figure[i - 1], figure[i])) w.Append(WordJoiner);
            w.Append(ch);
        }
        return Hyphens(w.ToString());
    }

    /// <summary>A text with every figure of <paramref name="figures"/> in it kept whole (longest first), and hyphens in ranges.</summary>
    public static string Apply(string text, IReadOnlyList<string> figures)
    {
        foreach (var f in figures)
        {
            var joined = Join(f);
            if (joined != f) text = text.Replace(f, joined, StringComparison.Ordinal);
        }
        return Hyphens(text);
    }

    /// <summary>The figures (not names with digits, which wrap as words do) worth joining, longest first: those with a space, a hyphen or a character after which a line may break.</summary>
    public static IReadOnlyList<string> Figures(Briefing b) =>
        b.Figures.Where(f => f.Basis != "name").Select(f => f.Text).Where(t => t.Length > 1 && Join(t) != t).Distinct().OrderByDescending(t => t.Length).ToList();

    /// <summary>The text a reader sees: the joiners removed, the no-break characters as plain ones.</summary>
    public static string Plain(string text) =>
        text.Replace(WordJoiner.ToString(), "").Replace(NoBreakSpace, ' ').Replace(NoBreakHyphen, '-');

    private static bool NeedsJoiner(char a, char b) =>
        !char.IsWhiteSpace(a) && !char.IsWhiteSpace(b) && !(IsLatin(a) && IsLatin(b));

    // A digit before % is a boundary LibreOffice may break at (10.2|%) in Chinese text: joined too.
    private static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or ',' or '$';

    private static string Hyphens(string text) => HyphenBeforeDigit().Replace(text, NoBreakHyphen.ToString());

    [GeneratedRegex(@"(?<=\d)-(?=\d)")]
    private static partial Regex HyphenBeforeDigit();
}
