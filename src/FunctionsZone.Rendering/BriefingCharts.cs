using ScottPlot;
using SkiaSharp;

using FunctionsZone.Core.Briefing;

namespace FunctionsZone.Rendering;

/// <summary>
/// The briefing's two charts as PNG, drawn with ScottPlot: the zone's city rank in each key indicator, and target
/// completion against 序时进度. Chinese text needs a CJK font: WenQuanYi Micro Hei or Noto Sans CJK (Debian's
/// fonts-wqy-microhei / fonts-noto-cjk, which the scripts install), loaded from its file.
/// Laid out for the labels (issue 32 item 3): ScottPlot draws the bars, grid and reference line in a data area whose
/// margins are measured from the labels; every text (names, values, ticks, the 序时进度 label, legend) is then drawn
/// here at a computed place and its box kept (<see cref="ChartImage.Texts"/>), so a test can hold them apart.
/// </summary>
public static class BriefingCharts
{
    public const int Width = 1200, Height = 640;
    private const float Gap = 8, LabelSize = 20, ValueSize = 20, NameSize = 18;

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

    public static byte[] Ranks(IReadOnlyList<RankBar> bars, string lang) => RanksChart(bars, lang).Png;

    public static byte[] Targets(IReadOnlyList<TargetBar> bars, decimal? timeProgress, string lang) => TargetsChart(bars, timeProgress, lang).Png;

    /// <summary>Horizontal bars, one per indicator (first on top): longer = better (of − rank + 1), labelled 第K/N.</summary>
    public static ChartImage RanksChart(IReadOnlyList<RankBar> bars, string lang)
    {
        var zh = lang == "zh";
        using var texts = new Texts();
        var colour = (RankBar b) => b.Rank == 1 ? Colors.FireBrick : b.Rank <= b.Of / 2.0 ? Colors.SteelBlue : Colors.Gray;
        var names = bars.Select(b => texts.Wrap(b.Name, Width * 0.34f, NameSize, 2)).ToList();
        var values = bars.Select(b => zh ? $"第{b.Rank}/{b.Of}" : $"{b.Rank} of {b.Of}").ToList();
        var title = zh ? "全市位次（条越长越靠前）" : "City rank (longer bar = better)";
        var legend = Legend(zh, [(Colors.FireBrick, "第1", "1st"), (Colors.SteelBlue, "前一半", "top half"), (Colors.Gray, "后一半", "bottom half")]);
        var padding = new PixelPadding(
            left: texts.Widest(names, NameSize) + 2 * Gap, right: texts.Widest(values, ValueSize) + 3 * Gap,
            bottom: texts.Height(title, LabelSize) + 3 * Gap, top: texts.Height("■", LabelSize) + 3 * Gap);

        var plot = NewPlot(padding);
        var max = bars.Count == 0 ? 1 : bars.Max(b => b.Of);
        var n = bars.Count;
        for (var i = 0; i < n; i++)
            plot.Add.Bar(new Bar { Position = n - 1 - i, ValueBase = 0, Value = bars[i].Of - bars[i].Rank + 1, FillColor = colour(bars[i]), Orientation = Orientation.Horizontal });
        plot.Axes.Left.TickGenerator = Blank(Enumerable.Range(0, n).Select(i => (double)i));
        plot.Axes.Bottom.TickGenerator = Blank(Enumerable.Range(1, max).Select(v => (double)v));
        foreach (var p in plot.GetPlottables<ScottPlot.Plottables.BarPlot>()) p.Horizontal = true;
        plot.Axes.SetLimits(0, max, -0.6, n - 0.4);

        return texts.Draw(plot, null, max, (data, at) =>
        {
            for (var i = 0; i < n; i++)
            {
                var y = at(0, n - 1 - i).Y;
                texts.Add("name", names[i], NameSize, Alignment.MiddleRight, new Pixel(data.Left - Gap, y));
                texts.Add("value", values[i], ValueSize, Alignment.MiddleLeft, new Pixel(at(bars[i].Of - bars[i].Rank + 1, 0).X + Gap, y));
            }
            texts.Add("axis", title, LabelSize, Alignment.UpperCenter, new Pixel(data.HorizontalCenter, data.Bottom + Gap));
            texts.Legend(legend, new Pixel(data.Left, data.Top - Gap));
        });
    }

    /// <summary>Vertical bars of completion (%), the 序时进度 line across them labelled beyond the data's right edge.</summary>
    public static ChartImage TargetsChart(IReadOnlyList<TargetBar> bars, decimal? timeProgress, string lang)
    {
        var zh = lang == "zh";
        using var texts = new Texts();
        var tp = timeProgress is { } t ? (double)t : (double?)null;
        var n = bars.Count;
        // The axis fits the data: the next step above the largest bar or the line, with room for the value label.
        var top = Math.Max(bars.Count == 0 ? 0 : (double)bars.Max(b => b.Completion), tp ?? 0);
        var step = top <= 60 ? 10 : top <= 150 ? 20 : 50;
        var axisMax = Math.Max(step, Math.Ceiling(top * 1.12 / step) * step);
        var ticks = Enumerable.Range(0, (int)(axisMax / step) + 1).Select(k => k * step).ToList();
        var tickTexts = ticks.Select(v => $"{v}%").ToList();
        var values = bars.Select(b => $"{BriefingNumber.Plain(b.Completion)}%").ToList();
        var lineText = tp is { } l ? (zh ? "序时进度\n" : "time elapsed\n") + $"{BriefingNumber.Plain((decimal)l)}%" : "";
        var title = zh ? "完成率（%）" : "Completion (%)";
        var legend = tp is null ? [] : Legend(zh, [(Colors.SeaGreen, "不低于序时进度", "at or above time elapsed"), (Colors.DarkOrange, "低于序时进度", "below time elapsed")]);

        var left = texts.Widest(tickTexts, LabelSize) + 2 * Gap;
        var right = (tp is null ? 0 : texts.Widest([lineText], LabelSize)) + 3 * Gap;
        // Each target's name wraps within its own slot, so neighbours never meet (Figure 2's English names did).
        var slot = (Width - left - right) / Math.Max(1, n) - Gap;
        var names = bars.Select(b => texts.Wrap(b.Name, slot, NameSize, 4)).ToList();
        // The top tick's label stands half its height above the data area: the title and legend row sit above that.
        var above = texts.Height(tickTexts[^1], LabelSize) / 2 + Gap;
        var padding = new PixelPadding(left, right, bottom: (n == 0 ? 0 : names.Max(x => texts.Height(x, NameSize))) + 2 * Gap,
            top: texts.Height(title, LabelSize) + above + 2 * Gap);

        var plot = NewPlot(padding);
        for (var i = 0; i < n; i++)
            plot.Add.Bar(new Bar { Position = i, Value = (double)bars[i].Completion, FillColor = tp is { } p && (double)bars[i].Completion < p ? Colors.DarkOrange : Colors.SeaGreen });
        if (tp is { } line) plot.Add.HorizontalLine(line, 2, Colors.Red, LinePattern.Dashed);
        plot.Axes.Bottom.TickGenerator = Blank(Enumerable.Range(0, n).Select(i => (double)i));
        plot.Axes.Left.TickGenerator = Blank(ticks.Select(v => (double)v));
        plot.Axes.SetLimits(-0.6, n - 0.4, 0, axisMax);

        return texts.Draw(plot, tp, axisMax, (data, at) =>
        {
            for (var k = 0; k < ticks.Count; k++)
                texts.Add("tick", tickTexts[k], LabelSize, Alignment.MiddleRight, new Pixel(data.Left - Gap, at(0, ticks[k]).Y));
            var lineY = tp is { } y ? at(0, y).Y : float.NaN;
            for (var i = 0; i < n; i++)
            {
                var bar = at(i, (double)bars[i].Completion);
                var h = texts.Height(values[i], ValueSize);
                // A value label that the dashed line would strike through sits just above the line instead.
                var labelBottom = bar.Y - Gap;
                if (!float.IsNaN(lineY) && labelBottom > lineY - 2 && labelBottom - h < lineY + 2) labelBottom = lineY - Gap;
                texts.Add("value", values[i], ValueSize, Alignment.LowerCenter, new Pixel(bar.X, labelBottom));
                texts.Add("name", names[i], NameSize, Alignment.UpperCenter, new Pixel(bar.X, data.Bottom + Gap));
            }
            if (tp is not null) texts.Add("line", lineText, LabelSize, Alignment.MiddleLeft, new Pixel(data.Right + Gap, lineY));
            texts.Add("axis", title, LabelSize, Alignment.LowerLeft, new Pixel(Gap, data.Top - above));
            texts.Legend(legend, new Pixel(data.Left + texts.Widest([title], LabelSize) + 4 * Gap, data.Top - above));
        });
    }

    private static List<(Color Colour, string Text)> Legend(bool zh, (Color Colour, string Zh, string En)[] entries) =>
        entries.Select(e => (e.Colour, zh ? e.Zh : e.En)).ToList();

    /// <summary>Ticks and grid lines where given, with no text: the texts are drawn by <see cref="Texts"/>.</summary>
    private static ScottPlot.TickGenerators.NumericManual Blank(IEnumerable<double> positions) =>
        new(positions.Select(p => new Tick(p, "")).ToArray());

    private static Plot NewPlot(PixelPadding padding)
    {
        var plot = new Plot();
        if (Font.Value is { } f) plot.Font.Set(f);
        plot.Layout.Fixed(padding);
        plot.Grid.MajorLineColor = Colors.Black.WithAlpha(.08);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        return plot;
    }

    /// <summary>The chart's texts: measured to size the margins, drawn after the plot, each box kept.</summary>
    private sealed class Texts : IDisposable
    {
        private readonly Paint _paint = Paint.NewDisposablePaint();
        private readonly List<(string Kind, LabelStyle Style, Pixel At)> _queued = [];

        private LabelStyle Style(string text, float size, Alignment alignment = Alignment.UpperLeft, Color? colour = null) => new()
        {
            Text = text, FontSize = size, FontName = Font.Value ?? Fonts.Default, Alignment = alignment, ForeColor = colour ?? Colors.Black,
        };

        public float Width(string text, float size) => Style(text, size).Measure(_paint).Width;
        public float Height(string text, float size) => Style(text, size).Measure(_paint).Height;
        public float Widest(IEnumerable<string> texts, float size) => texts.Select(t => Width(t, size)).DefaultIfEmpty(0).Max();

        /// <summary>
        /// A name in lines no wider than width — at spaces when it has them (English), between characters otherwise
        /// (Chinese) — at most maxLines, the last ending in … when the name is longer.
        /// </summary>
        public string Wrap(string text, float width, float size, int maxLines)
        {
            var words = text.Contains(' ') ? text.Split(' ').Select((w, i) => i == 0 ? w : " " + w).ToList() : text.Select(c => c.ToString()).ToList();
            var lines = new List<string> { "" };
            foreach (var w in words)
            {
                if (lines[^1].Length > 0 && Width(lines[^1] + w, size) > width) lines.Add(w.TrimStart());
                else lines[^1] += w;
            }
            if (lines.Count <= maxLines) return string.Join("\n", lines);
            var last = lines[maxLines - 1];
            while (last.Length > 1 && Width(last + "…", size) > width) last = last[..^1];
            return string.Join("\n", lines.Take(maxLines - 1).Append(last.TrimEnd() + "…"));
        }

        public void Add(string kind, string text, float size, Alignment alignment, Pixel at, Color? colour = null) =>
            _queued.Add((kind, Style(text, size, alignment, colour), at));

        /// <summary>A legend row: a coloured square and its words per entry, left to right from at (their bottom).</summary>
        public void Legend(IEnumerable<(Color Colour, string Text)> entries, Pixel at)
        {
            var x = at.X;
            foreach (var (colour, text) in entries)
            {
                Add("legend", "■", LabelSize, Alignment.LowerLeft, new Pixel(x, at.Y), colour);
                x += Width("■", LabelSize) + Gap / 2;
                Add("legend", text, LabelSize, Alignment.LowerLeft, new Pixel(x, at.Y));
                x += Width(text, LabelSize) + 3 * Gap;
            }
        }

        /// <summary>Renders the plot, places the texts (from the data area and a coordinate → pixel map), draws them.</summary>
        public ChartImage Draw(Plot plot, double? line, double axisMax, Action<PixelRect, Func<double, double, Pixel>> place)
        {
            using var surface = SKSurface.Create(new SKImageInfo(BriefingCharts.Width, BriefingCharts.Height));
            plot.Render(surface.Canvas, BriefingCharts.Width, BriefingCharts.Height);
            var data = plot.RenderManager.LastRender.DataRect;
            place(data, (x, y) => plot.GetPixel(new Coordinates(x, y)));
            var boxes = new List<ChartText>();
            foreach (var (kind, style, at) in _queued)
            {
                style.Render(surface.Canvas, at, _paint);
                boxes.Add(new ChartText(kind, style.Text, style.LastRenderPixelRect));
            }
            using var image = surface.Snapshot();
            using var png = image.Encode(SKEncodedImageFormat.Png, 100);
            var lineY = line is { } l ? plot.GetPixel(new Coordinates(0, l)).Y : (float?)null;
            return new ChartImage(png.ToArray(), boxes, data, lineY, axisMax);
        }

        public void Dispose() => _paint.Dispose();
    }
}

/// <summary>A chart's PNG and where it put things, in image pixels: every text's box, the data area, the reference line.</summary>
public sealed record ChartImage(byte[] Png, IReadOnlyList<ChartText> Texts, PixelRect Data, float? ReferenceLineY, double ValueAxisMax);

/// <summary>One text of a chart: its kind (name, value, tick, axis, line, legend), its words and its box as drawn.</summary>
public sealed record ChartText(string Kind, string Text, PixelRect Box);
