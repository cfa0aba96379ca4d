using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FunctionsZone.Core.Briefing;
using Xunit;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Rendering;

namespace FunctionsZone.Integration.Tests.Briefing;

/// <summary>
/// The Word briefing as a reader's word processor lays it out: LibreOffice (headless, Debian's libreoffice-writer-nogui)
/// renders it to PDF pages and pdftotext (poppler-utils) reads the lines back. .ci/run installs both.
/// </summary>
public sealed partial class BriefingTests
{
    [LibreOfficeTheory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Rendered_to_pages_the_briefing_shows_its_masthead_and_no_number_is_split_across_lines(string lang)
    {
        var b = await BuildAsync(lang);
        var lines = (await PdfLinesAsync(BriefingDocx.Render(b), lang == "zh" ? Environment.GetEnvironmentVariable("FZ_BRIEFING_PAGES") : null)).Select(Normalise).ToList();
        // 报头 above the title: the name, 期号, 编发单位 and 日期 (a long English office name may wrap).
        var title = lines.FindIndex(l => l.StartsWith(Normalise(b.Title)[..12], StringComparison.Ordinal));
        Assert.True(title > 0, "no title line in: " + string.Join(" | ", lines.Take(8)));
        var masthead = string.Join(" ", lines.Take(title));
        Assert.Equal(b.Masthead.Name, lines[0]);
        foreach (var part in new[] { b.Masthead.Issue, b.Masthead.Issuer, b.Masthead.Date }) Assert.Contains(Normalise(part), masthead);
        Assert.Contains(lines, l => l.Contains(lang == "zh" ? "16.91万元/亩" : "169.1 thousand yuan per mu"));
        // No figure (names with digits wrap as words do) begins at the end of one line and goes on at the start of the next.
        var splits = new List<string>();
        var figures = b.Figures.Where(f => f.Basis != "name").Select(f => Normalise(f.Text)).Where(f => f.Length > 1 && f.Any(char.IsAsciiDigit)).Distinct().ToList();
        for (var i = 0; i + 1 < lines.Count; i++)
        foreach (var f in figures)
        for (var k = 1; k < f.Length; k++)
        {
            var (head, tail) = (f[..k].TrimEnd(), f[k..].TrimStart());
            if (head.Length > 0 && tail.Length > 0 && head.Any(char.IsAsciiDigit) && lines[i].EndsWith(head, StringComparison.Ordinal)
                && StartsAToken(lines[i], lines[i].Length - head.Length)
                && lines[i + 1].StartsWith(tail, StringComparison.Ordinal) && !lines[i].EndsWith(f, StringComparison.Ordinal)
                && !PulledDownWithAClosingMark(tail, lines[i + 1]))
                splits.Add($"'{f}': …{lines[i][^Math.Min(20, lines[i].Length)..]} / {lines[i + 1][..Math.Min(20, lines[i + 1].Length)]}…");
        }
        Assert.True(splits.Count == 0, "numbers split across lines:\n" + string.Join("\n", splits.Distinct()));
    }

    // The figure's first part begins a token on its line: "…9181" (the end of a snapshot id) followed by a line "1. Main
    // indicators" is not the figure 11 split in two.
    private static bool StartsAToken(string line, int at) => at == 0 || !char.IsAsciiLetterOrDigit(line[at - 1]) && line[at - 1] is not ('-' or '.' or '\u2011');

    /// <summary>
    /// The one break LibreOffice 7.4 makes despite the word joiner: to keep a closing mark (；）。，) off a line's start it
    /// carries the one Chinese character before it down with it (1.86|家；). Known and narrow: one CJK character, then
    /// the mark.
    /// </summary>
    private static bool PulledDownWithAClosingMark(string tail, string next) =>
        tail.Length == 1 && tail[0] is >= '\u4E00' and <= '\u9FFF' && next.Length > 1 && next[1] is '；' or '）' or '。' or '，' or '、';

    /// <summary>
    /// What pdftotext gives, trimmed, without the no-break characters (a reader sees plain spaces and hyphens) and
    /// without the gaps LibreOffice leaves between Chinese and Latin text (autospacing, read back as spaces).
    /// </summary>
    private static string Normalise(string line) =>
        CjkGap().Replace(UnbreakableText.Plain(line).Replace('\u3000', ' '), "").Trim();

    [GeneratedRegex(@"(?<=[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF])\s+|\s+(?=[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF])")]
    private static partial Regex CjkGap();

    /// <param name="pages">Where the first two pages go as page-1.png, page-2.png (docs/briefing, by scripts/screenshots.sh).</param>
    private static async Task<IReadOnlyList<string>> PdfLinesAsync(byte[] docx, string? pages = null)
    {
        var dir = Directory.CreateTempSubdirectory("fz-briefing-");
        try
        {
            var path = Path.Combine(dir.FullName, "b.docx");
            await File.WriteAllBytesAsync(path, docx);
            await RunAsync(LibreOfficeTheoryAttribute.Soffice!, "--headless", $"-env:UserInstallation=file://{dir.FullName}/profile",
                "--convert-to", "pdf", "--outdir", dir.FullName, path);
            var pdf = Path.Combine(dir.FullName, "b.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");
            await RunAsync(LibreOfficeTheoryAttribute.PdfToText!, "-enc", "UTF-8", pdf, Path.Combine(dir.FullName, "b.txt"));
            if (pages is { Length: > 0 }) await PagesAsync(pdf, Path.IsPathRooted(pages) ? pages : Path.Combine(Azurite.RepoRoot, pages));
            return (await File.ReadAllTextAsync(Path.Combine(dir.FullName, "b.txt"), Encoding.UTF8))
                .Split(['\n', '\f'], StringSplitOptions.RemoveEmptyEntries).Where(l => l.Trim().Length > 0).ToList();
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>The first two pages as pictures (pdftoppm, 80 dpi), recorded in the screenshot manifest.</summary>
    private static async Task PagesAsync(string pdf, string folder)
    {
        Directory.CreateDirectory(folder);
        await RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", pdf, Path.Combine(folder, "page"));
        foreach (var n in new[] { 1, 2 })
        {
            // pdftoppm names pages page-1.png or page-01.png by the page count's digits.
            var made = Directory.GetFiles(folder, "page-*.png").FirstOrDefault(f => int.TryParse(Path.GetFileNameWithoutExtension(f)[5..], out var k) && k == n);
            Assert.NotNull(made);
            var target = Path.Combine(folder, $"page-{n}.png");
            if (made != target) File.Move(made, target, overwrite: true);
            ScreenshotManifest.Record(target, portal: false);
        }
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stderr = p.StandardError.ReadToEndAsync(cts.Token);
        await p.StandardOutput.ReadToEndAsync(cts.Token);
        await p.WaitForExitAsync(cts.Token);
        Assert.True(p.ExitCode == 0, $"{Path.GetFileName(file)} exited {p.ExitCode}: {await stderr}");
    }
}

/// <summary>A theory that needs LibreOffice and pdftotext; skipped, saying what to install, only where they are missing.</summary>
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public static readonly string? Soffice = Find("soffice", "libreoffice");
    public static readonly string? PdfToText = Find("pdftotext");

    public LibreOfficeTheoryAttribute()
    {
        if (Soffice is null || PdfToText is null)
            Skip = "LibreOffice or pdftotext is not installed: apt-get install libreoffice-writer-nogui poppler-utils (.ci/run does)";
    }

    private static string? Find(params string[] names) =>
        names.SelectMany(n => (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':').Select(d => Path.Combine(d, n))).FirstOrDefault(File.Exists);
}
