using System.Net;
using FunctionsZone.Core.Briefing;
using Markdig;
using FunctionsZone.Rendering;

namespace FunctionsZone.Core.Tests.Briefing;

/// <summary>
/// Names users imported are text in the published .briefing.md (issue 31): a CommonMark renderer (with pipe tables)
/// makes of them exactly their characters — no element, link, emphasis, list, heading or extra table cell.
/// </summary>
public sealed class MarkdownTextTests
{
    private static readonly MarkdownPipeline Renderer = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static TheoryData<string> HostileNames => new()
    {
        "<img src=x onerror=alert(1)>", "<script>alert(1)</script>开发区", "[点我](javascript:alert(1))", "![x](http://evil/x.png)",
        "**粗体**_斜体_~~删~~", "甲|乙", "- 列表", "+ 列表", "1. 有序", "2) 有序", "# 标题", "> 引用", "`代码`", "&lt;img&gt; &amp;",
        "反斜杠\\*", "===", "第一行\n# 第二行", "<http://evil.example/>",
    };

    /// <summary>What a renderer encodes in text: &lt; &gt; &amp; &quot;.</summary>
    private static string AsText(string name) => name.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace('\n', ' ');

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void A_name_as_a_paragraph_renders_as_its_own_characters(string name)
    {
        var html = Markdown.ToHtml(MarkdownText.Block("聊城" + name) + "\n\n" + MarkdownText.Block(name), Renderer);
        Assert.Equal($"<p>{AsText("聊城" + name)}</p>\n<p>{AsText(name)}</p>\n", html);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void A_name_in_the_briefing_s_title_and_table_stays_text_in_one_cell(string name)
    {
        var md = BriefingMarkdown.ToMarkdown(Briefing(name));
        var html = Markdown.ToHtml(md, Renderer);
        Assert.Contains($"<h1>{AsText(name)}经济运行简报</h1>", html);
        Assert.Contains($"<td>{AsText(name)}</td>", html);
        Assert.Equal(5, html.Split("<td").Length - 1);  // the row's five cells, none split by a '|'
        foreach (var element in new[] { "<img", "<a ", "<script", "<em>", "<del>", "<li>", "<blockquote>", "<code>" })
            Assert.DoesNotContain(element, html);
        Assert.Equal(1, html.Split("<h2>").Length - 1);  // the section's own heading only
        Assert.Equal(name.Replace('\n', ' '), WebUtility.HtmlDecode(html.Split("<td>")[1].Split("</td>")[0]));
    }

    private static Core.Briefing.Briefing Briefing(string name) => new()
    {
        // The masthead's 编发单位 carries the zone's name too (issue 32): escaped like the title.
        Masthead = new BriefingMasthead("经济运行简报", "2022年第5期", name + "统计局", "2022年6月15日"),
        Lang = "zh", Zone = "z", ZoneName = name, Period = "2022-05", Title = name + "经济运行简报", DateLine = "2022年6月", SnapshotVersion = "v",
        Sections = [new BriefingSection("main", "主要指标", [name + "规上工业增加值增长9.5%。"])],
        Table = new BriefingTable(["指标", "数值", "增速", "排名", "变动"], [new BriefingRow("x", name, "9.5%", "12.3*", "4/11", "↑2")]),
        RankChart = [], TargetChart = [], TimeProgress = null, Figures = [],
        Captions = new Dictionary<string, string> { ["table"] = "表1" },
    };
}
