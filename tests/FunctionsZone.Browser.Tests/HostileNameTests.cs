using System.Text;
using System.Text.Json.Nodes;
using FunctionsZone.Browser.Tests.Infrastructure;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Portal;
using Microsoft.Playwright;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Browser.Tests;

/// <summary>
/// The seeds with hostile names, as an office could import them: the 进出口 target's nameZh (targets.csv) and the
/// 外贸企业 indicator's nameZh (indicators.json) each an &lt;img onerror&gt; that sets a global when it runs.
/// </summary>
public sealed class HostileNamePortalSite : PortalSite
{
    public const string TargetName = "<img src=x onerror=window.__xssTarget=1>进出口";
    public const string IndicatorName = "<img src=x onerror=window.__xssIndicator=1>外贸企业";

    protected override Task SeedAsync()
    {
        var files = TestStorage.SeedFiles().Select(f => f.Name switch
        {
            "targets.csv" => new InputFile(f.Name, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(f.Content)
                .Replace("lc-etdz,import_export,2022,growth,50,%,speech,", $"lc-etdz,import_export,2022,growth,50,%,speech,\"{TargetName}\""))),
            "indicators.json" => new InputFile(f.Name, Rename(f.Content, "foreign_trade_firms", IndicatorName)),
            _ => f,
        }).ToList();
        return Storage.Pipeline().RunAsync(files, new IngestOptions());
    }

    private static byte[] Rename(byte[] json, string code, string nameZh)
    {
        var list = JsonNode.Parse(json)!.AsArray();
        var indicator = list.Single(i => i!["code"]!.GetValue<string>() == code)!;
        indicator["nameZh"] = nameZh;
        return Encoding.UTF8.GetBytes(list.ToJsonString());
    }
}

/// <summary>
/// Everything a user wrote is text wherever the portal shows it (issue 31): hovering the targets chart shows the
/// hostile names as their characters and runs nothing; the portal forbids inline script by its CSP.
/// </summary>
public sealed class HostileNameTests(HostileNamePortalSite site) : IClassFixture<HostileNamePortalSite>
{
    [Fact]
    public async Task A_hostile_target_or_indicator_name_in_the_targets_chart_tooltip_is_text_and_runs_nothing()
    {
        var (page, errors) = await site.NewPageAsync();
        // No bar animation: the bars are where the mouse goes from the first moment.
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        await PortalSite.OpenAsync(page, "/?period=2022-05");
        // The table beside the chart: the names as text.
        Assert.Equal(HostileNamePortalSite.TargetName, (await page.Locator("#tbl-targets tr[data-indicator='import_export'] th").InnerTextAsync()).Trim());
        Assert.Equal(HostileNamePortalSite.IndicatorName, (await page.Locator("#tbl-targets tr[data-indicator='foreign_trade_firms'] th").InnerTextAsync()).Trim());

        // Hover every row of the chart, top to bottom, across its middle (the tooltip is the row's: its axis trigger answers
        // anywhere in the row, a target with no bar too), and keep what each tooltip says.
        var chart = page.Locator("#chart-targets");
        await chart.ScrollIntoViewIfNeededAsync();
        var box = (await chart.BoundingBoxAsync())!;
        var seen = new HashSet<string>();
        for (var y = 20f; y < box.Height - 20; y += 6)
        {
            await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + y);
            var tip = await chart.EvaluateAsync<string?>("el => [...el.querySelectorAll(':scope > div')].filter(d => d.offsetParent !== null && getComputedStyle(d).display !== 'none' && !d.querySelector('svg')).map(d => d.textContent).join('\\n')");
            if (!string.IsNullOrWhiteSpace(tip)) seen.Add(tip);
        }
        Assert.True(seen.Count > 0, "no tooltip while hovering the targets chart: " + (await chart.InnerHTMLAsync())[..2000]);
        Assert.Contains(seen, t => t.Contains(HostileNamePortalSite.TargetName));
        Assert.Contains(seen, t => t.Contains(HostileNamePortalSite.IndicatorName));
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xssTarget ?? null"));
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xssIndicator ?? null"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_portal_sends_a_content_security_policy_that_forbids_inline_script_and_index_html_carries_the_same()
    {
        using var response = await site.Http.GetAsync("/");
        Assert.Equal(PortalSecurity.HeaderPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        var scriptSrc = PortalSecurity.HeaderPolicy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src "));
        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.Contains($"content=\"{PortalSecurity.MetaPolicy}\"", await response.Content.ReadAsStringAsync());
        Assert.Contains($"content=\"{PortalSecurity.MetaPolicy}\"", await File.ReadAllTextAsync(Path.Combine(Azurite.RepoRoot, "web", "index.html")));

        // In Chromium: markup that reached the page anyway cannot run an inline handler or an inline script.
        var (page, errors) = await site.NewPageAsync();
        await PortalSite.OpenAsync(page, "/");
        await page.EvaluateAsync("""
            () => {
              const d = document.createElement('div');
              d.innerHTML = '<img src="x" onerror="window.__inline = 1">';
              document.body.append(d);
              const s = document.createElement('script'); s.textContent = 'window.__inline = 2'; document.body.append(s);
            }
            """);
        await page.WaitForTimeoutAsync(500);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__inline ?? null"));
        Assert.Contains(errors, e => e.Contains("Content Security Policy"));
        await page.CloseAsync();
    }
}
