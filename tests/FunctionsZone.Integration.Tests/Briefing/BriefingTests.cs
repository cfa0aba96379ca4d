using FunctionsZone.Core.Reading;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using FunctionsZone.Core.Briefing;
using FunctionsZone.Integration.Tests.Evaluation;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Snapshots;
using Xunit;
using FunctionsZone.Rendering;

namespace FunctionsZone.Integration.Tests.Briefing;

/// <summary>The briefing of 聊城经济技术开发区 for 2022-05, written from the seeds' published snapshot on a real Azurite.</summary>
public sealed partial class BriefingTests(SeededStorage seeded) : IClassFixture<SeededStorage>
{
    private TestStorage S => seeded.Storage;

    private Task<Core.Briefing.Briefing> BuildAsync(string lang = "zh", string zone = "lc-etdz") =>
        BriefingReader.BuildAsync(S.Cli.Reader(), zone, "2022-05", BriefingTemplate.Load(lang));

    /// <summary>The statements of 主要指标: the sentence (between ；/。) that names the indicator holds the figure and rank.</summary>
    public static TheoryData<string, string[]> SpeechStatements => new()
    {
        { "规上工业增加值同比增长", ["9.5%", "增速全市第4"] },
        { "当月增长", ["12.9%", "增速全市第1"] },
        { "民间投资占比", ["85.6%", "全市第1", "高于全市28.9个百分点"] },
        { "一般公共预算收入", ["9.39亿", "总量全市第4"] },
        { "实际利用外资", ["2474万美元", "总量全市第1"] },
        { "进出口总额", ["20亿", "同比增长69.67%"] },
        { "限额以上零售额", ["33.4亿", "总量全市第2"] },
        { "制造业技改投资完成", ["4.71亿", "同比增长10.2%", "当月技改投资完成2.9亿", "增长278%"] },
    };

    [Theory]
    [MemberData(nameof(SpeechStatements))]
    public async Task The_main_paragraph_states_each_of_the_speeches_statements_with_its_figure_and_rank_in_one_sentence(string subject, string[] parts)
    {
        var b = await BuildAsync();
        var paragraph = b.Section("main").Paragraphs[0];
        Assert.StartsWith("1-5月份，全区规上工业增加值同比增长9.5%，增速全市第4，其中5月份当月增长12.9%，增速全市第1；", paragraph);
        var sentence = Sentences(paragraph).FirstOrDefault(s => s.Contains(subject));
        Assert.True(sentence is not null, $"no sentence about {subject} in: {paragraph}");
        foreach (var p in parts) Assert.Contains(p, sentence);
    }

    [Fact]
    public async Task Computed_growth_is_never_in_the_bureaus_sentence_and_says_it_is_computed()
    {
        var b = await BuildAsync();
        var main = b.Section("main").Paragraphs;
        // 一般公共预算收入 has no reported growth: its computed 16.6% stays out of the speech's paragraph…
        Assert.DoesNotContain("16.6", main[0]);
        // …and appears only in the sentence that says it is our computation.
        Assert.StartsWith("另按上年同期数测算（测算值，非统计部门公布）：", main[1]);
        Assert.Contains("一般公共预算收入增长16.6%", main[1]);
        Assert.Contains(b.Table.Rows, r => r.Indicator == "general_budget_revenue" && r.Growth == "16.6%*");
    }

    [Fact]
    public async Task Official_ranks_read_as_the_speech_and_agree_with_the_published_moves()
    {
        var b = await BuildAsync();
        var text = b.Section("official").Paragraphs.Single();
        Assert.Equal("2021年，开发区在217家国家级经开区中排名116位，较上一年度提升了76个位次；在160家省级开发区中排名143位，较上一年度下滑31个位次；" +
                     "在市对区综合考核中，位列二等，全市第5，较上一年度提升了6个位次。", text);
    }

    [Fact]
    public async Task Benchmarks_say_the_ratio_as_the_speech_does()
    {
        var text = string.Join("", (await BuildAsync()).Section("benchmark").Paragraphs);
        // 亩均 figures carry their whole unit, 万元/亩 (issue 32).
        Assert.Contains("2021年全区亩均税收为3.58万元/亩，仅为邹城经济开发区（17.9万元/亩）的五分之一", text);
        Assert.Contains("2021年全区亩均投资强度为16.91万元/亩，不足邹城经济开发区（52万元/亩）的三分之一", text);
        var en = string.Join("", (await BuildAsync("en")).Section("benchmark").Paragraphs);
        Assert.Contains("only one fifth of Zoucheng Economic Development Zone's", en);
        Assert.Contains("under one third of", en);
        Assert.Contains("per mu of land was 169.1 thousand yuan per mu", en);
        Assert.Contains("(520 thousand yuan per mu)", en);
    }

    [Fact]
    public async Task Targets_compare_only_flows_with_time_progress_and_say_what_each_month_still_needs()
    {
        var b = await BuildAsync();
        var paragraphs = b.Section("targets").Paragraphs;
        Assert.StartsWith("截至5月末，序时进度为41.7%。", paragraphs[0]);
        Assert.Contains("规上制造业营业收入完成147.25亿，为全年目标310亿的47.5%，快于序时进度5.8个百分点，今后每月需完成23.25亿", paragraphs[0]);
        Assert.Contains("内资到位完成15.2亿，为全年目标40亿的38%，慢于序时进度3.7个百分点", paragraphs[0]);
        // A level (firm count) and a share are not judged against 序时进度.
        var levels = paragraphs[1];
        Assert.Contains("外贸企业86家，全年目标100家", levels);
        Assert.Contains("进出口总额同比增长69.67%，已超过全年增长50%的目标", levels);
        Assert.DoesNotContain("序时", levels);
    }

    [Fact]
    public async Task What_gains_a_place_is_the_value_of_the_zone_just_above_in_the_ranking_the_api_serves()
    {
        var b = await BuildAsync();
        var weak = b.Section("weak").Paragraphs;
        // The first paragraph names the stored 短板 (WeakPointsFacesTests); the second is what gains a place.
        Assert.Contains("（失", weak[0]);
        var ranking = await S.Cli.Reader().RankingAsync("2022-05", "fixed_asset_investment", "liaocheng-city", Core.Rankings.Measure.Level);
        var above = ranking.Entries.Where(e => e.Rank < 8).MaxBy(e => e.Rank)!;
        Assert.Contains($"固定资产投资达到{BriefingNumber.Plain(above.Value!.Value)}亿（{above.Name}的水平）即可升至全市第{above.Rank}", weak[1]);
        // Moves in the table are the API's moveFromPrevious.
        var va = await S.Cli.Reader().RankingAsync("2022-05", "industrial_va_growth", "liaocheng-city", Core.Rankings.Measure.Level);
        var lc = va.Entries.Single(e => e.Zone == "lc-etdz");
        Assert.Equal($"↑{lc.MoveFromPrevious}", b.Table.Rows.Single(r => r.Indicator == "industrial_va_growth").Move);
        Assert.Equal($"{lc.Rank}/{lc.Of}", b.Table.Rows.Single(r => r.Indicator == "industrial_va_growth").Rank);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Every_number_in_the_briefing_is_found_in_the_published_file_it_was_read_from(string lang)
    {
        var b = await BuildAsync(lang);
        var text = BriefingMarkdown.ToText(b);
        // Every digit of the text belongs to a logged figure: strike the figures out, longest first; no digit may remain.
        var rest = text;
        foreach (var f in b.Figures.Select(f => f.Text).Distinct().OrderByDescending(t => t.Length)) rest = rest.Replace(f, "▢");
        var stray = Regex.Matches(rest, @".{0,16}\d.{0,16}").Select(m => m.Value).ToList();
        Assert.True(stray.Count == 0, "numbers not traced to the snapshot: " + string.Join(" | ", stray));

        // Every logged figure is in its file of the published version.
        var store = new BlobSnapshotStore(S.Clients);
        var files = new Dictionary<string, (string Text, HashSet<decimal> Numbers)>();
        foreach (var f in b.Figures)
        {
            if (!files.TryGetValue(f.File, out var file))
            {
                var bytes = await store.ReadAsync(b.SnapshotVersion, f.File);
                Assert.True(bytes is not null, $"{f.File} is not in snapshot {b.SnapshotVersion}");
                var json = Encoding.UTF8.GetString(bytes!);
                // Numbers beyond decimal (a plausibility bound such as 1e30) are no figure of a briefing.
                files[f.File] = file = (json, Numbers().Matches(json)
                    .Select(m => decimal.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (decimal?)d : null)
                    .OfType<decimal>().ToHashSet());
            }
            if (f.Basis == "setting") continue; // configured, not read from the snapshot (none by default)
            if (f.Basis == "date")
            {
                // The masthead's date: the manifest's creation day in Beijing time (en writes the month as a word).
                var day = PublishDay(await S.Cli.Reader().LatestAsync());
                var numbers = Numbers().Matches(f.Text).Select(m => int.Parse(m.Value)).ToHashSet();
                Assert.Subset(new HashSet<int> { day.Year, day.Month, day.Day }, numbers);
                Assert.Contains(day.Year, numbers);
            }
            else if (f.Value is { } v) Assert.True(file.Numbers.Contains(v), $"{f.Text} ({v}) is not in {f.File}");
            else Assert.Contains(f.Text, file.Text);
        }
        Assert.Contains(b.Figures, f => f.Text == "2474万美元" || f.Text == "US$24.74 million");
    }

    [Fact]
    public async Task The_word_document_validates_has_the_sections_the_table_and_both_charts()
    {
        var b = await BuildAsync();
        var bytes = BriefingDocx.Render(b);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = doc.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(b.Sections.Select(s => s.Heading), headings);
        Assert.Equal(b.Title, UnbreakableText.Plain(body.Elements<Paragraph>().First(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Title").InnerText));
        var table = body.Elements<Table>().Single();
        Assert.Equal(b.Table.Rows.Count + 1, table.Elements<TableRow>().Count());
        Assert.Contains(table.Elements<TableRow>(), r => r.InnerText.Contains("规上工业增加值增速") && UnbreakableText.Plain(r.InnerText).Contains("4/11"));
        Assert.Equal(2, doc.MainDocumentPart.ImageParts.Count());
        foreach (var image in doc.MainDocumentPart.ImageParts)
        {
            using var s = image.GetStream();
            var head = new byte[8];
            s.ReadExactly(head);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head); // PNG
        }
        Assert.Contains(body.Descendants<Text>(), t => UnbreakableText.Plain(t.Text).Contains("1-5月份，全区规上工业增加值同比增长9.5%"));
        // The same briefing gives the same bytes: an unchanged month republishes nothing.
        Assert.Equal(bytes, BriefingDocx.Render(await BuildAsync()));
    }

    [Fact]
    public async Task The_snapshot_publishes_beside_the_zone_page_the_briefing_fz_writes()
    {
        var store = new BlobSnapshotStore(S.Clients);
        var b = await BuildAsync();
        var md = await store.ReadAsync(b.SnapshotVersion, "periods/2022-05/zones/lc-etdz.briefing.md");
        Assert.Equal(BriefingMarkdown.ToMarkdown(b), Encoding.UTF8.GetString(md!));
        var docx = await store.ReadAsync(b.SnapshotVersion, "periods/2022-05/zones/lc-etdz.briefing.docx");
        Assert.Equal(BriefingDocx.Render(b), docx);
        // Zones outside a city's field (邹城, a peer in another province's group) get no briefing.
        Assert.Null(await store.ReadAsync(b.SnapshotVersion, "periods/2022-05/zones/zoucheng-edz.briefing.md"));
    }

    [Fact]
    public void The_charts_have_a_cjk_font_to_draw_chinese_with() =>
        // .ci/run and scripts/run.sh install fonts-wqy-microhei (scripts/fonts.sh).
        Assert.True(BriefingCharts.HasCjkFont, "no CJK font: apt-get install fonts-wqy-microhei");

    [Fact]
    public async Task Fz_briefing_prints_the_paragraph_and_writes_md_json_and_docx()
    {
        var (exit, text) = await S.FzAsync("briefing", "--zone", "聊城经开区", "--period", "2022-05");
        Assert.Equal(0, exit);
        Assert.Contains("1-5月份，全区规上工业增加值同比增长9.5%，增速全市第4", text);
        Assert.Contains("一、主要指标", text);

        var (_, md) = await S.FzAsync("briefing", "--zone", "lc-etdz", "--period", "2022-05", "--format", "md");
        Assert.StartsWith("**经济运行简报**", md);
        Assert.Contains("\n# 聊城经济技术开发区2022年1-5月经济运行简报\n", md);
        Assert.Contains("| 规上工业增加值增速 | 9.5% | — | 4/11 | ↑2 |", md);

        var (_, en) = await S.FzAsync("briefing", "--zone", "lc-etdz", "--period", "2022-05", "--lang", "en", "--json");
        Assert.Contains("\"lang\": \"en\"", en);
        Assert.Contains("grew 9.5% year on year, ranking 4 of 11 in the city", en);

        var file = Path.Combine(Path.GetTempPath(), $"fz-briefing-{Guid.NewGuid():N}.docx");
        var (docxExit, _) = await S.FzAsync("briefing", "--zone", "聊城经济技术开发区", "--period", "2022-05", "--format", "docx", "--out", file);
        Assert.Equal(0, docxExit);
        using (var zip = ZipFile.OpenRead(file)) Assert.Contains(zip.Entries, e => e.FullName == "word/document.xml");
        File.Delete(file);
    }

    [Theory]
    [InlineData("--format", "pdf", "unknown format")]
    [InlineData("--lang", "fr", "Unsupported language")]
    public async Task Bad_options_get_a_clear_message(string option, string value, string message)
    {
        var error = new StringWriter();
        var old = Console.Error;
        Console.SetError(error);
        try
        {
            var (exit, _) = await S.FzAsync("briefing", "--zone", "lc-etdz", "--period", "2022-05", option, value);
            Assert.NotEqual(0, exit);
        }
        finally { Console.SetError(old); }
        Assert.Contains(message, error.ToString());
    }

    [Fact]
    public async Task A_year_or_a_month_not_in_the_snapshot_is_refused_with_a_message()
    {
        await Assert.ThrowsAsync<FormatException>(() => BriefingReader.BuildAsync(S.Cli.Reader(), "lc-etdz", "2021", BriefingTemplate.Load("zh")));
        var e = await Assert.ThrowsAsync<Core.Snapshots.SnapshotNotFoundException>(() => BriefingReader.BuildAsync(S.Cli.Reader(), "lc-etdz", "2019-03", BriefingTemplate.Load("zh")));
        Assert.Contains("2019-03", e.Message);
    }

    private static IEnumerable<string> Sentences(string paragraph) => paragraph.Split(['；', '。'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"\d+(?:\.\d+)?")]
    private static partial Regex Numbers();
}
