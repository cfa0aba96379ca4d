using System.Text.RegularExpressions;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>
/// Issue 32 item 2, the rule every English face is held to: no Chinese (CJK ideographs, CJK and full-width punctuation)
/// except a proper name the import reported as missing its English name (missing-english-name), with or without its marker.
/// </summary>
public static partial class EnglishText
{
    /// <summary>The names the import reported as having no English name, longest first (so a longer one is removed whole).</summary>
    public static IReadOnlyList<string> ReportedNames(PipelineRun run) => run.Imports
        .SelectMany(s => s.Findings).Where(f => f.Code == MissingEnglishName.Code).SelectMany(f => f.Each)
        .Select(f => Reported().Match(f.MessageEn)).Where(m => m.Success).Select(m => m.Groups[1].Value)
        .Distinct().OrderByDescending(n => n.Length).ToList();

    /// <summary>The lines of text that still hold Chinese once the reported names are taken out: each names the face.</summary>
    public static IReadOnlyList<string> ChineseLines(string face, string text, IReadOnlyList<string> reported) => text
        .Split('\n').Select(l => l.TrimEnd('\r'))
        .Where(l => Cjk().IsMatch(reported.Aggregate(l, (s, name) => s.Replace(name, ""))))
        .Select(l => $"{face}: {l.Trim()}").Distinct().ToList();

    public static bool HasChinese(string text) => Cjk().IsMatch(text);

    [GeneratedRegex(@"[\u3000-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]")]
    private static partial Regex Cjk();

    [GeneratedRegex("^(?:Row \\d+: )?'(.+?)' has no English name")]
    private static partial Regex Reported();
}
