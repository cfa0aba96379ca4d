using FunctionsZone.Core.Domain;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FunctionsZone.Core.Briefing;
using FunctionsZone.Core.Snapshots;
using Xunit;
using FunctionsZone.Core.Publishing;
using FunctionsZone.Rendering;

namespace FunctionsZone.Integration.Tests.Briefing;

/// <summary>Issue 32 item 6: the briefing as a bureau sends it — masthead, 数据说明 in words, whole units, unbroken numbers.</summary>
public sealed partial class BriefingTests
{
    /// <summary>The day a snapshot was published, as a Chinese bureau dates it (Beijing time).</summary>
    private static DateOnly PublishDay(SnapshotPointer p) => DateOnly.FromDateTime(p.CreatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Fact]
    public async Task The_masthead_names_the_issue_the_issuing_office_and_the_publish_date_in_both_languages()
    {
        var day = PublishDay(await S.Cli.Reader().LatestAsync());
        var zh = await BuildAsync();
        Assert.Equal(new BriefingMasthead("经济运行简报", "2022年第5期", "聊城经济技术开发区统计局", $"{day.Year}年{day.Month}月{day.Day}日"), zh.Masthead);
        var en = await BuildAsync("en");
        Assert.Equal("No. 5, 2022", en.Masthead.Issue);
        Assert.Equal($"Statistics Bureau of {en.ZoneName}", en.Masthead.Issuer);
        Assert.StartsWith($"{day.Day} ", en.Masthead.Date);
        Assert.EndsWith($" {day.Year}", en.Masthead.Date);
        // Text and Markdown open with it, above the title.
        var text = BriefingMarkdown.ToText(zh).Split('\n');
        Assert.Equal(["经济运行简报", "2022年第5期", $"聊城经济技术开发区统计局　　{zh.Masthead.Date}"], text[..3]);
        var md = BriefingMarkdown.ToMarkdown(zh);
        Assert.StartsWith($"**经济运行简报**  \n2022年第5期  \n聊城经济技术开发区统计局　　{zh.Masthead.Date}\n\n---\n\n# ", md);
    }

    [Fact]
    public async Task The_masthead_takes_the_issuing_office_issue_and_date_from_the_settings()
    {
        var options = new BriefingOptions
        {
            BriefingIssuer = "聊城经济技术开发区经济发展部", BriefingIssuerEn = "Economic Development Department, Liaocheng ETDZ",
            BriefingIssue = 7, BriefingDate = "2022-06-15",
        };
        var service = new BriefingService(S.Cli.Reader(), options, new BriefingRenderer());
        var zh = await service.BuildAsync("lc-etdz", "2022-05", "zh");
        Assert.Equal(new BriefingMasthead("经济运行简报", "2022年第7期", "聊城经济技术开发区经济发展部", "2022年6月15日"), zh.Masthead);
        var en = await service.BuildAsync("lc-etdz", "2022-05", "en");
        Assert.Equal(new BriefingMasthead("Economic Briefing", "No. 7, 2022", "Economic Development Department, Liaocheng ETDZ", "15 June 2022"), en.Masthead);
        // The snapshot's own briefings number and date by the data, whatever fz and the API are set to.
        Assert.Equal(new MastheadSettings("聊城经济技术开发区经济发展部", "Economic Development Department, Liaocheng ETDZ"), options.Masthead(published: true));
        Assert.Throws<FormatException>(() => new BriefingOptions { BriefingDate = "15.6.2022" }.Masthead());
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task The_data_note_says_in_words_where_and_when_the_figures_are_from_and_names_no_file(string lang)
    {
        var b = await BuildAsync(lang);
        var note = b.Section("note").Paragraphs;
        foreach (var p in note)
        {
            Assert.DoesNotContain(".json", p);
            Assert.DoesNotContain("/api/", p);
            Assert.DoesNotContain("periods/", p);
        }
        Assert.Contains(b.Masthead.Date, note[0]);
        if (lang == "zh")
            Assert.Equal("数据期间：主要指标为2022年1-5月累计数；考核位次为2021年度结果；年度目标为2022年全年目标；亩均数据为2021年度数据。", note[1]);
        else
            Assert.Equal("Periods: the main indicators are cumulative for January–May 2022; evaluation ranks are those of 2021; " +
                         "targets are those of the year 2022; per-mu figures are those of 2021.", note[1]);
        // The trace of every figure to its file stays in the JSON output.
        Assert.Contains(b.Figures, f => f.File == "periods/2022-05/observations.json");
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Every_unit_per_mu_keeps_its_per_mu_in_the_templates(string lang)
    {
        var t = BriefingTemplate.Load(lang);
        // Units "X/亩" of the unit catalogue (万元/亩, 元/亩): the written unit says per 亩 / per mu.
        foreach (var unit in UnitCatalogue.Known.Where(u => u.Contains('/')))
        {
            var written = BriefingNumber.WithUnit(t, 1m, unit);
            var per = unit.Split('/')[1];
            Assert.True(lang == "zh" ? written.EndsWith("/" + per) : written.Contains(" per "), $"{unit} is written '{written}' in {lang}");
        }
    }

    [Theory]
    [InlineData("zh", "16.91万元/亩")]
    [InlineData("en", "169.1 thousand yuan per mu")]
    public async Task In_the_word_document_every_figure_is_joined_to_its_unit_and_the_masthead_heads_it(string lang, string perMu)
    {
        var b = await BuildAsync(lang);
        using var doc = WordprocessingDocument.Open(new MemoryStream(BriefingDocx.Render(b)), false);
        var body = doc.MainDocumentPart!.Document!.Body!;
        var texts = body.Descendants<Text>().Select(t => t.Text).ToList();
        Assert.Contains(texts, t => t.Contains(UnbreakableText.Join(perMu)));
        Assert.NotEqual(perMu, UnbreakableText.Join(perMu));
        // No figure is left where a word processor may break it: every breakable one is written joined.
        foreach (var f in UnbreakableText.Figures(b))
            Assert.DoesNotContain(texts, t => t.Contains(f, StringComparison.Ordinal));
        // 报头 first: the name, 期号, then 编发单位 and 日期 above a red rule.
        var paragraphs = body.Elements<Paragraph>().Select(p => UnbreakableText.Plain(p.InnerText)).ToList();
        Assert.Equal(b.Masthead.Name, paragraphs[0]);
        Assert.Equal(b.Masthead.Issue, paragraphs[1]);
        Assert.Equal(b.Masthead.Issuer + b.Masthead.Date, paragraphs[2]);
        var rule = body.Elements<Paragraph>().ElementAt(2).ParagraphProperties!.ParagraphBorders!.BottomBorder!;
        Assert.Equal("C00000", rule.Color!.Value);
    }
}
