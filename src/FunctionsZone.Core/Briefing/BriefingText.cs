using System.Text;

namespace FunctionsZone.Core.Briefing;

/// <summary>Template placeholders: "{name}" replaced by its value; an unknown placeholder stays as written, so a typo shows.</summary>
public static class BriefingText
{
    public static string Fill(string pattern, params (string Key, string? Value)[] values)
    {
        var sb = new StringBuilder(pattern);
        foreach (var (k, v) in values) sb.Replace("{" + k + "}", v ?? "");
        return sb.ToString();
    }

    /// <summary>Clauses joined as one sentence: "A，B，C。"</summary>
    public static string Sentence(BriefingTemplate t, IEnumerable<string> clauses, string separator) =>
        string.Join(separator, clauses.Where(c => c.Length > 0)) is { Length: > 0 } s ? Capitalise(s) + t.SentenceEnd : "";

    private static string Capitalise(string s) => s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;
}
