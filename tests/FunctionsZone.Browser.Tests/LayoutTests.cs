using FunctionsZone.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FunctionsZone.Browser.Tests;

/// <summary>
/// Issue 32 item 3, "charts that cannot be read": every view, in zh and en, at 1366×768, 1920×1080 and printed on A4,
/// measured in Chromium — the box of every text in the DOM (tables, cards, labels) and of every chart text (ECharts
/// draws SVG, so its labels, ticks and legends are &lt;text&gt; elements). No two texts may overlap, no text may be cut by
/// the box that clips it (an overflow:hidden ancestor, the chart's bounds, the page's width; in print a scrolling box
/// too, as paper does not scroll), no dashed reference line may strike through a chart text, no chart may cover a text
/// outside it, and the big screen's chart text is ≥ 16 px.
/// </summary>
[Collection("seed portal")]
public sealed class LayoutTests(PortalSite site)
{
    /// <summary>A4 portrait less the print style's 12 mm margins, in CSS pixels (186 mm × 96/25.4).</summary>
    private const int A4Width = 703, A4Height = 1032;

    private static readonly (string Name, string Address)[] Views =
    [
        ("zone", "/?"), ("city", "/?view=city"), ("bureau", "/?view=bureau"),
        // Rotation and polling slowed so that the test chooses the panel on air.
        ("big screen", "/?screen=big&rotate=3600&poll=3600"),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (view, _) in Views)
            foreach (var lang in new[] { "zh", "en" })
                foreach (var size in new[] { "1366x768", "1920x1080", "print" })
                    if (!(view == "big screen" && size == "print")) data.Add(view, lang, size);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task No_text_overlaps_another_or_is_cut(string view, string lang, string size)
    {
        var print = size == "print";
        var (width, height) = print ? (A4Width, A4Height) : (int.Parse(size.Split('x')[0]), int.Parse(size.Split('x')[1]));
        var (page, errors) = await site.NewPageAsync(width, height);
        // No animation: the boxes measured are where the text comes to rest.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce, Media = print ? Media.Print : Media.Screen });
        var address = Views.Single(v => v.Name == view).Address + (lang == "en" ? "&lang=en" : "");
        await PortalSite.OpenAsync(page, address);
        // What a browser does when asked to print: beforeprint (the charts resize to the print layout), then lays out.
        if (print) await page.EvaluateAsync("() => dispatchEvent(new Event('beforeprint'))");

        var problems = new List<string>();
        if (view == "big screen")
        {
            var panels = await page.Locator("[data-panel]").EvaluateAllAsync<string[]>(
                "els => els.map(e => e.dataset.panel).filter(p => p !== 'headline' && p !== 'whatif')");
            Assert.NotEmpty(panels);
            foreach (var panel in panels)
            {
                await page.EvaluateAsync(@"p => { document.querySelectorAll('[data-panel]').forEach(e => e.classList.toggle('on-air', e.dataset.panel === p));
                                                  dispatchEvent(new Event('resize')); }", panel);
                problems.AddRange((await MeasureAsync(page, minChartFont: 16)).Select(p => $"panel {panel}: {p}"));
            }
        }
        else problems.AddRange(await MeasureAsync(page, minChartFont: 0));

        Assert.True(problems.Count == 0,
            $"{view}, {lang}, {size}: {problems.Count} text problem(s):\n" + string.Join("\n", problems.Distinct().Take(60)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    /// <summary>
    /// Legends for every colour: each status a bar is coloured by is named in the targets chart's legend; a target with
    /// no figure yet has its row, labelled so (暂无数据 / no figure yet), not an empty row that reads as missing data.
    /// </summary>
    [Theory]
    [InlineData("zh", "暂无数据")]
    [InlineData("en", "no figure yet")]
    public async Task The_targets_chart_names_each_status_colour_and_labels_the_targets_without_a_figure(string lang, string noFigure)
    {
        var (page, errors) = await site.NewPageAsync();
        await PortalSite.OpenAsync(page, "/?period=2022-05" + (lang == "en" ? "&lang=en" : ""));
        var chartText = await page.Locator("#chart-targets svg text").EvaluateAllAsync<string[]>("els => els.map(e => e.textContent.trim())");
        // Table rows: th name, then td target, actual, completion ("—" when there is no figure yet), gap, status.
        var rows = await page.Locator("#tbl-targets tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.querySelector('td:nth-of-type(3)').textContent.trim(), r.querySelector('.status').textContent.trim()])");
        var statuses = rows.Where(r => r[0] != "—").Select(r => r[1]).Distinct().ToList();
        Assert.True(statuses.Count > 1, $"the seed's targets should show several statuses: {string.Join(", ", statuses)}");
        foreach (var status in statuses) Assert.Contains(status, chartText);
        var withoutFigure = rows.Count(r => r[0] == "—");
        Assert.True(withoutFigure > 0, "the seed has targets without a figure yet");
        // One label per such row, and the legend's.
        Assert.Equal(withoutFigure + 1, chartText.Count(x => x == noFigure));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    /// <summary>The page's text boxes after two frames, checked in the page; each problem names the two texts.</summary>
    private static async Task<string[]> MeasureAsync(IPage page, int minChartFont)
    {
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        return await page.EvaluateAsync<string[]>(MeasureScript, minChartFont);
    }

    private const string MeasureScript = """
        minChartFont => {
          const printing = matchMedia('print').matches;
          const problems = [];
          const pageWidth = document.documentElement.clientWidth;
          const where = el => { const c = el.closest('[id]'); return c && c !== document.body ? '#' + c.id : el.tagName.toLowerCase(); };
          const say = s => (s.length > 40 ? s.slice(0, 39) + '…' : s);
          const visible = el => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
          // Visually hidden on purpose (the .sr pattern: a 1 px box clipped to nothing) — read by screen readers, not seen.
          const srOnly = el => { for (let a = el; a && a !== document.body; a = a.parentElement) {
            const r = a.getBoundingClientRect(), s = getComputedStyle(a);
            if (((r.width <= 1 || r.height <= 1) && s.overflow !== 'visible') || (s.position === 'absolute' && s.clip.startsWith('rect(0'))) return true; } return false; };
          const clips = a => { const s = getComputedStyle(a);
            return [s.overflowX, s.overflowY].some(o => o === 'hidden' || o === 'clip' || (printing && (o === 'auto' || o === 'scroll'))); };
          const inside = (r, c) => r.left >= c.left - 1 && r.right <= c.right + 1 && r.top >= c.top - 1 && r.bottom <= c.bottom + 1;
          const cut = (item) => {
            for (let a = (item.chart ?? item.el).parentElement; a && a !== document.documentElement; a = a.parentElement)
              if (clips(a) && !inside(item.r, a.getBoundingClientRect())) return `"${say(item.text)}" (${item.where}) is cut by ${where(a)} (${a.tagName.toLowerCase()}.${a.getAttribute('class')})`;
            if (item.r.left < -1 || item.r.right > pageWidth + 1) return `"${say(item.text)}" (${item.where}) runs off the page's width ${pageWidth}px`;
            return null;
          };

          const items = [];
          // DOM text: each line box of each text node.
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const el = n.parentElement;
            if (!n.textContent.trim() || !el || el.closest('svg, script, style, select, option, title, noscript') || !visible(el) || srOnly(el)) continue;
            const range = document.createRange(); range.selectNodeContents(n);
            // Wholly off-screen on purpose (the skip link waits at left:-999px until focused): not shown, so not cut.
            for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0.5 && r.right > 0 && r.bottom > 0) items.push({ node: n, el, r, text: n.textContent.trim(), where: where(el), chart: null });
          }
          // Chart text: ECharts' SVG <text>, inside its chart's bounds.
          const charts = [...document.querySelectorAll('.chart svg')].filter(visible);
          for (const svg of charts) {
            const box = svg.getBoundingClientRect(), name = where(svg);
            for (const el of svg.querySelectorAll('text')) {
              const r = el.getBoundingClientRect();
              if (!el.textContent.trim() || !visible(el) || r.width <= 0.5 || r.height <= 0.5) continue;
              const item = { node: el, el, r, text: el.textContent.trim(), where: name, chart: svg };
              items.push(item);
              if (!inside(r, box)) problems.push(`"${say(item.text)}" (${name}) is cut by the chart's bounds`);
              const px = parseFloat(getComputedStyle(el).fontSize);
              if (px < minChartFont) problems.push(`"${say(item.text)}" (${name}) is ${px}px, under ${minChartFont}px on the big screen`);
            }
          }
          for (const item of items) { const c = cut(item); if (c) problems.push(c); }
          // Two texts overlap when their boxes share more than a pixel each way.
          const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
          for (let i = 0; i < items.length; i++)
            for (let j = i + 1; j < items.length; j++) {
              const a = items[i], b = items[j];
              if (a.node !== b.node && overlap(a.r, b.r)) problems.push(`"${say(a.text)}" (${a.where}) overlaps "${say(b.text)}" (${b.where})`);
            }
          // A reference line (序时进度: ECharts draws it as a dashed path) must not strike through a label or tick.
          for (const svg of charts)
            for (const line of svg.querySelectorAll('path[stroke-dasharray]')) {
              const g = line.getBoundingClientRect();  // the geometry: 0 px wide for a vertical line, so widened by its stroke
              const l = { left: g.left - 1.5, right: g.right + 1.5, top: g.top - 1.5, bottom: g.bottom + 1.5 };
              for (const item of items) if (item.chart === svg && overlap(l, item.r))
                problems.push(`a dashed reference line in ${where(svg)} strikes through "${say(item.text)}"`);
            }
          // A chart drawn over a text that is not its own (a chart taller than its box in print, over the table below).
          for (const svg of charts) {
            const box = svg.getBoundingClientRect();
            for (const item of items) if (item.chart !== svg && !svg.contains(item.el) && overlap(box, item.r))
              problems.push(`the chart ${where(svg)} covers "${say(item.text)}" (${item.where})`);
          }
          return problems;
        }
        """;
}
