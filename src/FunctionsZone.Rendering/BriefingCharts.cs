using ScottPlot;

using FunctionsZone.Core.Briefing;

namespace FunctionsZone.Rendering;

/// <summary>
/// The briefing's two charts as PNG, drawn with ScottPlot: the zone's city rank in each key indicator, and target
/// completion against 序时进度. Chinese text needs a CJK font: WenQuanYi Micro Hei or Noto Sans CJK (Debian's
/// fonts-wqy-microhei / fonts-noto-cjk, which the scripts install), loaded from its file.
/// </summary>
public static class BriefingCharts
{
    public const int Width = 1200, Height = 640;

    private static readonly string[] FontFiles =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    ];

    private const string FontName = "FunctionsZone CJK";
    private static readonly Lazy<string?> Font = new(() =>
    {
        var file = Environment.GetEnvironmentVariable("FZ_CHART_FONT") is { Length: > 0 } f && File.Exists(f) ? f : FontFiles.FirstOrDefault(File.Exists);
        if (file is null) return null;
        Fonts.AddFontFile(FontName, file);
        return FontName;
    });

    /// <summary>The CJK font file charts are drawn with, or null when none is installed (then Chinese would not show).</summary>
    public static bool HasCjkFont => Font.Value is not null;

    /// <summary>Horizontal bars, one per indicator: longer = better (of − rank + 1), labelled 第K/N.</summary>
    public static byte[] Ranks(IReadOnlyList<RankBar> bars, string lang)
    {
        var plot = NewPlot();
        var positions = new List<Tick>();
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[bars.Count - 1 - i]; // first indicator on top
            var bar = new Bar
            {
                Position = i, ValueBase = 0, Value = b.Of - b.Rank + 1,
                FillColor = b.Rank == 1 ? Colors.FireBrick : b.Rank <= b.Of / 2.0 ? Colors.SteelBlue : Colors.Gray,
                Label = lang == "zh" ? $"第{b.Rank}/{b.Of}" : $"{b.Rank} of {b.Of}",
                Orientation = Orientation.Horizontal,
            };
            plot.Add.Bar(bar);
            positions.Add(new Tick(i, b.Name));
        }
        foreach (var p in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
        {
            p.Horizontal = true;
            p.ValueLabelStyle.FontSize = 22;
            p.ValueLabelStyle.FontName = plot.Axes.Left.TickLabelStyle.FontName;
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions.ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        var max = bars.Count == 0 ? 1 : bars.Max(b => b.Of);
        plot.Axes.SetLimitsX(0, max + 1.5);
        plot.Axes.Bottom.Label.Text = lang == "zh" ? "全市位次（条越长越靠前）" : "city rank (longer bar = better)";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(1, max).Select(v => new Tick(v, "")).ToArray());
        return Png(plot);
    }

    /// <summary>Vertical bars of completion (%), with the 序时进度 line across them.</summary>
    public static byte[] Targets(IReadOnlyList<TargetBar> bars, decimal? timeProgress, string lang)
    {
        var plot = NewPlot();
        var ticks = new List<Tick>();
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var ahead = timeProgress is { } tp && b.Completion >= tp;
            plot.Add.Bar(new Bar
            {
                Position = i, Value = (double)b.Completion, FillColor = ahead ? Colors.SeaGreen : Colors.DarkOrange,
                Label = $"{BriefingNumber.Plain(b.Completion)}%",
            });
            ticks.Add(new Tick(i, Wrap(b.Name)));
        }
        foreach (var p in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
        {
            p.ValueLabelStyle.FontSize = 22;
            p.ValueLabelStyle.FontName = plot.Axes.Left.TickLabelStyle.FontName;
        }
        if (timeProgress is { } t)
        {
            var line = plot.Add.HorizontalLine((double)t, 2, Colors.Red, LinePattern.Dashed);
            line.LabelText = (lang == "zh" ? "序时进度 " : "time elapsed ") + $"{BriefingNumber.Plain(t)}%";
            line.LabelFontName = plot.Axes.Left.TickLabelStyle.FontName;
            line.LabelFontSize = 20;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        var top = Math.Max(100, bars.Count == 0 ? 0 : (double)bars.Max(b => b.Completion)) * 1.15;
        plot.Axes.SetLimitsY(0, top);
        plot.Axes.Left.Label.Text = lang == "zh" ? "完成率（%）" : "completion (%)";
        return Png(plot);
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        if (Font.Value is { } f) plot.Font.Set(f);
        plot.Axes.Left.TickLabelStyle.FontSize = 22;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 20;
        plot.Axes.Left.Label.FontSize = 22;
        plot.Axes.Bottom.Label.FontSize = 22;
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(.08);
        return plot;
    }

    /// <summary>Long target names over two lines, so the bars' labels do not overlap.</summary>
    private static string Wrap(string name) => name.Length > 6 && !name.Contains(' ') ? name[..(name.Length / 2)] + "\n" + name[(name.Length / 2)..] : name;

    private static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);
}
