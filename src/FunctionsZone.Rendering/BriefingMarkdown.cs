using System.Text;

using FunctionsZone.Core.Briefing;

namespace FunctionsZone.Rendering;

/// <summary>The briefing as plain text (what fz prints) and as Markdown (published beside the zone page).</summary>
public static class BriefingMarkdown
{
    /// <summary>Between 编发单位 and 日期 on the masthead's line: two ideographic spaces in Chinese, " · " in English (no CJK).</summary>
    private static string Gap(Briefing b) => b.Lang == "en" ? " · " : "　　";

    public static string ToText(Briefing b)
    {
        var w = new StringBuilder();
        var m = b.Masthead;
        w.Append(m.Name).Append('\n').Append(m.Issue).Append('\n').Append(m.Issuer).Append(Gap(b)).Append(m.Date).Append('\n')
            .Append(new string('─', 40)).Append("\n\n");
        w.Append(b.Title).Append('\n').Append(b.DateLine).Append("\n\n");
        foreach (var s in b.Sections)
        {
            w.Append(s.Heading).Append('\n');
            foreach (var p in s.Paragraphs) w.Append(p).Append('\n');
            w.Append('\n');
        }
        return w.ToString();
    }

    public static string ToMarkdown(Briefing b)
    {
        var w = new StringBuilder();
        // Every text is escaped: titles and paragraphs carry names users imported (issue 31).
        var m = b.Masthead;
        // Each line after a hard break may start a list ("1. ", "- "): escaped as a block's start.
        w.Append("**").Append(MarkdownText.Inline(m.Name)).Append("**  \n").Append(MarkdownText.Block(m.Issue)).Append("  \n")
            .Append(MarkdownText.Block(m.Issuer)).Append(Gap(b)).Append(MarkdownText.Inline(m.Date)).Append("\n\n---\n\n");
        w.Append("# ").Append(MarkdownText.Inline(b.Title)).Append("\n\n").Append(MarkdownText.Block(b.DateLine)).Append("\n\n");
        foreach (var s in b.Sections)
        {
            w.Append("## ").Append(MarkdownText.Inline(s.Heading)).Append("\n\n");
            foreach (var p in s.Paragraphs) w.Append(MarkdownText.Block(p)).Append("\n\n");
            if (s.Key == "main" && b.Table.Rows.Count > 0) AppendTable(w, b);
        }
        return w.ToString();
    }

    private static void AppendTable(StringBuilder w, Briefing b)
    {
        w.Append("**").Append(MarkdownText.Inline(b.Captions["table"])).Append("**\n\n");
        w.Append("| ").Append(string.Join(" | ", b.Table.Header.Select(MarkdownText.Inline))).Append(" |\n");
        w.Append('|').Append(string.Concat(b.Table.Header.Select((_, i) => i == 0 ? "---|" : "---:|"))).Append('\n');
        foreach (var r in b.Table.Rows)
            w.Append("| ").Append(string.Join(" | ", new[] { r.Name, r.Value, r.Growth, r.Rank, r.Move }.Select(MarkdownText.Inline))).Append(" |\n");
        w.Append('\n');
    }
}
