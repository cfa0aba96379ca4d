using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using FunctionsZone.Core.Briefing;
using FunctionsZone.Core.Publishing;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Functions.Http;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Xunit;

namespace FunctionsZone.Integration.Tests.Language;

/// <summary>The seeds run once, and what the run's imports reported as missing an English name.</summary>
public sealed class EnglishSeed : IAsyncLifetime
{
    public TestStorage Storage { get; } = new();
    public PipelineRun Run { get; private set; } = null!;
    public IReadOnlyList<string> Reported { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Run = await Storage.RunSeedsAsync();
        Reported = EnglishText.ReportedNames(Run);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Issue 32 item 2: every English face but the portal (EnglishEverywhereTests walks that in Chromium) — each fz command
/// that reports, with --lang en (ingest, recompute, publish and run too), the English briefing as markdown, text and the
/// .docx's text, and the API's English answers — has no Chinese but the names the import reported as missing-english-name.
/// </summary>
public sealed class EnglishFacesTests(EnglishSeed seed) : IClassFixture<EnglishSeed>
{
    private TestStorage S => seed.Storage;

    public static TheoryData<string[]> Commands => new()
    {
        new[] { "rankings", "--period", "2022-05", "--indicator", "fixed_asset_investment", "--group", "liaocheng-city" },
        new[] { "rankings", "--period", "2022-05", "--indicator", "固定资产投资", "--group", "聊城市" },
        new[] { "targets", "--zone", "lc-etdz", "--year", "2022" },
        new[] { "targets", "--zone", "lc-etdz", "--year", "2022", "--wide" },
        new[] { "weakpoints", "--zone", "lc-etdz", "--period", "2022-05" },
        new[] { "weakpoints", "--zone", "lc-etdz", "--scheme", "市对区", "--period", "2022-05" },
        new[] { "composite", "--scheme", "national", "--period", "2021" },
        new[] { "composite", "--scheme", "市对区", "--period", "2022-05", "--wide" },
        new[] { "composite", "--scheme", "省评", "--period", "2021" },
        new[] { "whatif", "--zone", "lc-etdz", "--indicator", "rd_intensity", "--scheme", "national", "--period", "2021" },
        new[] { "whatif", "--zone", "lc-etdz", "--scheme", "市对区", "--period", "2022-05", "--improve", "20" },
        new[] { "benchmark", "--zone", "lc-etdz", "--peer", "zoucheng-edz", "--indicator", "tax_per_mu", "--period", "2021" },
        new[] { "benchmark", "--zone", "lc-etdz", "--period", "2021", "--city-share" },
        new[] { "permu", "--period", "2021", "--wide" },
        new[] { "history", "--zone", "lc-etdz", "--indicator", "retail_sales", "--period", "2022-05" },
        new[] { "briefing", "--zone", "lc-etdz", "--period", "2022-05" },
        new[] { "briefing", "--zone", "lc-etdz", "--period", "2022-05", "--format", "md" },
        new[] { "ingest", "seeds/samples/long-2022-05.csv", "--dry-run" },
        new[] { "ingest", "seeds/zones.json" },
        new[] { "recompute", "--period", "2022-05" },
        new[] { "publish" },
        new[] { "run", "--seeds", "seeds" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task An_fz_command_in_english_has_no_chinese_but_reported_names(string[] args)
    {
        var full = args.Select(a => a.StartsWith("seeds", StringComparison.Ordinal) ? Path.Combine(Azurite.RepoRoot, a) : a).ToArray();
        var (exit, output) = await S.FzAsync([.. full, "--lang", "en"]);
        Assert.True(exit == 0, output);
        var chinese = EnglishText.ChineseLines("fz " + string.Join(' ', args), output, seed.Reported);
        Assert.True(chinese.Count == 0, "Chinese in English output:\n" + string.Join("\n", chinese));
    }

    [Fact]
    public async Task The_english_briefing_docx_text_has_no_chinese_but_reported_names()
    {
        var file = Path.Combine(Path.GetTempPath(), $"fz-en-{Guid.NewGuid():N}.docx");
        try
        {
            var (exit, output) = await S.FzAsync("briefing", "--zone", "lc-etdz", "--period", "2022-05", "--lang", "en", "--format", "docx", "--out", file);
            Assert.True(exit == 0, output);
            using var doc = WordprocessingDocument.Open(file, false);
            var paragraphs = doc.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
                .Select(p => UnbreakableText.Plain(p.InnerText));
            var chinese = EnglishText.ChineseLines("briefing.docx", string.Join("\n", paragraphs), seed.Reported);
            Assert.True(chinese.Count == 0, "Chinese in the English briefing:\n" + string.Join("\n", chinese));
        }
        finally { File.Delete(file); }
    }

    /// <summary>The API's language (?lang=en) picks its name fields; the briefing it writes is English throughout.</summary>
    [Theory]
    [InlineData("/api/zones?lang=en")]
    [InlineData("/api/indicators?lang=en")]
    [InlineData("/api/rankings?period=2022-05&indicator=fixed_asset_investment&group=liaocheng-city&lang=en")]
    [InlineData("/api/briefing?zone=lc-etdz&period=2022-05&lang=en&format=md")]
    [InlineData("/api/briefing?zone=lc-etdz&period=2022-05&lang=en&format=text")]
    public async Task An_english_api_answer_has_no_chinese_but_reported_names(string url)
    {
        var read = new ReadFunctions(S.Cli.Reader());
        var briefing = new BriefingFunction(S.Get<BriefingService>());
        await using var host = await HttpFunctionHost.StartAsync(new Dictionary<string, Func<HttpRequest, CancellationToken, Task<IActionResult>>>
        {
            ["/api/zones"] = (r, _) => read.Zones(r),
            ["/api/indicators"] = (r, _) => read.Indicators(r),
            ["/api/rankings"] = (r, _) => read.Rankings(r),
            ["/api/briefing"] = briefing.Get,
        });
        var response = await host.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        var english = url.Contains("briefing") ? body : string.Join("\n", Names(JsonDocument.Parse(body).RootElement));
        var chinese = EnglishText.ChineseLines(url, english, seed.Reported);
        Assert.True(chinese.Count == 0, "Chinese in an English answer:\n" + string.Join("\n", chinese));
    }

    /// <summary>The fields ?lang picks (name, indicatorName, groupName), anywhere in the answer; nameZh stays Chinese by design.</summary>
    private static IEnumerable<string> Names(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p =>
            p.Name is "name" or "indicatorName" or "groupName" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Names(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Names),
        _ => [],
    };
}
