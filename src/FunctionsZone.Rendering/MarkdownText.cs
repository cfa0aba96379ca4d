using System.Text;
using System.Text.RegularExpressions;

using FunctionsZone.Core.Briefing;

namespace FunctionsZone.Rendering;

/// <summary>
/// Text as Markdown text: names in a briefing come from imported files (区名, 指标名), so none of their characters may
/// become markup — no raw HTML (&lt;img onerror&gt;), link, emphasis, table cell break, heading or list.
/// The one place the Markdown briefing turns its plain text into Markdown.
/// </summary>
public static partial class MarkdownText
{
    // CommonMark's inline specials plus raw HTML's < > and entity &; '.' '-' '+' are special only at a line's start.
    private const string Specials = "\\`*_[]<>#|~!&";

    /// <summary>Text inside a line: a table cell, a heading after its #, emphasis.</summary>
    public static string Inline(string text)
    {
        var w = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            // A line break would end the paragraph, table row or heading the text sits in.
            if (c is '\r' or '\n') { w.Append(' '); continue; }
            if (Specials.Contains(c)) w.Append('\\');
            w.Append(c);
        }
        return w.ToString();
    }

    /// <summary>Text that starts a block (a paragraph): also no list or setext marker at its start ("- x", "1. x", "=").</summary>
    public static string Block(string text)
    {
        var s = Inline(text);
        var m = BlockStart().Match(s);
        return m.Success ? s.Insert(m.Length - 1, "\\") : s;
    }

    [GeneratedRegex(@"^(?:[-+=]|\d{1,9}[.)])")]
    private static partial Regex BlockStart();
}
