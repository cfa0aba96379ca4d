using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Briefing;
using FunctionsZone.Rendering;
using FunctionsZone.Integration.Tests.Evaluation;
using FunctionsZone.Integration.Tests.Infrastructure;
using ScottPlot;
using Xunit;

namespace FunctionsZone.Integration.Tests.Briefing;

/// <summary>
/// Issue 32 item 3 in the briefing: the charts of 聊城经济技术开发区's May 2022 briefing, from the seeds' snapshot, in zh
/// and en. The boxes of the texts each chart drew (names, values, ticks, the 序时进度 label, legend): none overlaps
/// another, all lie inside the image, the dashed 序时进度 line crosses no text, and the value axis fits the data.
/// </summary>
public sealed class BriefingChartLayoutTests(SeededStorage seeded) : IClassFixture<SeededStorage>
{
    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Each_chart_s_texts_lie_apart_inside_the_image_clear_of_the_reference_line_on_an_axis_fitting_the_data(string lang)
    {
        Assert.True(BriefingCharts.HasCjkFont, "no CJK font: apt-get install fonts-wqy-microhei");
        var b = await BriefingReader.BuildAsync(seeded.Storage.Cli.Reader(), "lc-etdz", "2022-05", BriefingTemplate.Load(lang));
        Assert.NotEmpty(b.RankChart);
        Assert.NotEmpty(b.TargetChart);
        var figures = new[]
        {
            ("Figure 1", BriefingCharts.RanksChart(b.RankChart, lang)),
            ("Figure 2", BriefingCharts.TargetsChart(b.TargetChart, b.TimeProgress, lang)),
        };
        var problems = new List<string>();
        foreach (var (figure, image) in figures)
        {
            Save(image, $"{figure.Replace(' ', '-').ToLowerInvariant()}-{lang}");
            problems.AddRange(Problems(image).Select(p => $"{figure} ({lang}): {p}"));
        }
        // Figure 2's value axis ends at the step above the largest bar or the line, not at 110 for a largest 47.5.
        var largest = Math.Max((double)b.TargetChart.Max(x => x.Completion), (double)(b.TimeProgress ?? 0));
        var axis = figures[1].Item2.ValueAxisMax;
        if (axis < largest || axis > largest * 1.12 + 20) problems.Add($"Figure 2 ({lang}): the axis runs to {axis:0.#} for a largest figure of {largest}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<string> Problems(ChartImage image)
    {
        var texts = image.Texts;
        Assert.NotEmpty(texts);
        foreach (var t in texts)
            if (t.Box.Left < 0 || t.Box.Top < 0 || t.Box.Right > BriefingCharts.Width || t.Box.Bottom > BriefingCharts.Height)
                yield return $"{t.Kind} \"{t.Text}\" {Show(t.Box)} is cut by the image's edge ({BriefingCharts.Width}×{BriefingCharts.Height})";
        for (var i = 0; i < texts.Count; i++)
            for (var j = i + 1; j < texts.Count; j++)
                if (Overlap(texts[i].Box, texts[j].Box))
                    yield return $"{texts[i].Kind} \"{texts[i].Text}\" {Show(texts[i].Box)} overlaps {texts[j].Kind} \"{texts[j].Text}\" {Show(texts[j].Box)}";
        if (image.ReferenceLineY is { } y)
            foreach (var t in texts.Where(t => t.Kind != "line" && t.Box.Top < y + 1 && t.Box.Bottom > y - 1 && t.Box.Right > image.Data.Left && t.Box.Left < image.Data.Right))
                yield return $"the reference line (y = {y:0}) strikes through {t.Kind} \"{t.Text}\" {Show(t.Box)}";
    }

    private static bool Overlap(PixelRect a, PixelRect b) =>
        Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left) > 0.5 && Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top) > 0.5;

    private static string Show(PixelRect r) => $"[{r.Left:0},{r.Top:0}–{r.Right:0},{r.Bottom:0}]";

    /// <summary>The images, to look at: TestResults/briefing-charts/.</summary>
    private static void Save(ChartImage image, string name)
    {
        var folder = Path.Combine(Azurite.RepoRoot, "TestResults", "briefing-charts");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".png"), image.Png);
    }
}
