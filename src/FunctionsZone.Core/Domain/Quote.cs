using System.Text;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Domain;

/// <summary>
/// How a finding shows text that came from a file or from storage: at most 60 characters, control characters escaped,
/// so a summary never echoes a payroll line back whole and a 50 MB cell does not become a 50 MB summary.
/// </summary>
public static class Quote
{
    public const int MaxChars = 60;

    public static string Cell(string? text, int max = MaxChars)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        var sb = new StringBuilder(Math.Min(text.Length, max) + 8);
        var shown = 0;
        foreach (var c in text)
        {
            if (shown == max) return sb.Append('…').ToString();
            if (char.IsControl(c)) sb.Append($"\\u{(int)c:X4}");
            else sb.Append(c);
            shown++;
        }
        return sb.ToString();
    }

    /// <summary>An exception's message in a finding (a parser's message may quote the input): its first line, bounded.</summary>
    public static string Message(Exception e) => Cell(e.Message.Split('\n')[0].Trim(), 200);
}
