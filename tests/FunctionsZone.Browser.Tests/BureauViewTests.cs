using System.Text;
using System.Text.Json.Nodes;
using FunctionsZone.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FunctionsZone.Browser.Tests;

/// <summary>Its own storage and servers: these tests change the data.</summary>
public sealed class UploadPortalSite : PortalSite;

/// <summary>The bureau's page: a bad file shows its findings and changes nothing; a good one reaches the zone view.</summary>
public sealed class BureauViewTests(UploadPortalSite site) : IClassFixture<UploadPortalSite>
{
    private async Task<string> LatestVersionAsync() =>
        JsonNode.Parse(await new HttpClient { BaseAddress = site.BaseAddress }.GetStringAsync("snapshots/latest.json"))!["version"]!.GetValue<string>();

    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task A_bad_file_shows_its_findings_and_changes_nothing_a_good_one_updates_the_zone_view_and_the_big_screen()
    {
        var (big, bigErrors) = await site.NewPageAsync(1920, 1080);
        await PortalSite.OpenAsync(big, "/?screen=big&poll=1");
        var (page, errors) = await site.NewPageAsync();
        await PortalSite.OpenAsync(page, "/?view=bureau");
        var before = await LatestVersionAsync();

        // Without the key nothing is sent.
        await page.SetInputFilesAsync("#file", Csv("2022-05.csv", "zone,indicator,period,value,yoy,unit\n"));
        await page.WaitForSelectorAsync("#summary [role=alert]");

        await page.FillAsync("#key", PortalSite.FunctionKey);
        await page.ClickAsync("#key-form button[type=submit]");
        // The key stays in the page's memory: no web storage a script on the page could read holds it (issue 31).
        Assert.DoesNotContain(PortalSite.FunctionKey, await page.EvaluateAsync<string>("() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage })"));

        // 民间投资占比 105.6 (over 100 %) on row 2, an unknown zone on row 3.
        await page.SetInputFilesAsync("#file", Csv("bad-2022-05.csv",
            "zone,indicator,period,value,yoy,unit\nlc-etdz,民间投资占比,2022-05,105.6,,%\nnowhere,限额以上零售额,2022-05,1,,亿元\n"));
        await page.WaitForSelectorAsync("#dryrun");
        Assert.Equal("ERROR", await page.GetAttributeAsync("#dryrun", "data-status"));
        var range = page.Locator("details.finding-group[data-code='range-above-max']");
        Assert.Equal(1, await range.CountAsync());
        var row = await range.Locator("tbody tr").First.InnerTextAsync();
        Assert.Contains("2", row.Split('\t')[0]);
        Assert.Contains("value", row);
        Assert.Contains("105.6", row);
        Assert.True(await page.Locator("details.finding-group").CountAsync() >= 2);
        Assert.Equal(0, await page.Locator("#confirm").CountAsync());
        await Shots.TakeAsync(page, "bureau-findings");
        Assert.Equal(before, await LatestVersionAsync());

        // A good file: 限额以上零售额 35.1 亿元 for May; dry run, confirm, recompute, publish.
        await page.SetInputFilesAsync("#file", Csv("fix-2022-05.csv", "zone,indicator,period,value,yoy,unit\nlc-etdz,限额以上零售额,2022-05,35.1,,亿元\n"));
        await page.WaitForSelectorAsync("#confirm");
        Assert.Equal("1", await page.Locator("#dryrun b[data-count='updated']").InnerTextAsync());
        Assert.Equal(before, await LatestVersionAsync());
        await page.ClickAsync("#confirm");
        await page.WaitForFunctionAsync("() => /快照|snapshot/.test(document.querySelector('#import-status')?.textContent ?? '')", null, new() { Timeout = 300_000 });
        var after = await LatestVersionAsync();
        Assert.NotEqual(before, after);
        await page.WaitForSelectorAsync("#imports-table tr:has-text('fix-2022-05.csv')");

        await PortalSite.OpenAsync(page, "/");
        Assert.Equal("35.1", (await page.Locator("article.card[data-indicator='retail_sales'] .figure").InnerTextAsync()).Trim());

        // The big screen polled latest.json and redrew on the new version.
        await big.WaitForFunctionAsync("v => document.body.dataset.version === v", after, new() { Timeout = 30_000 });
        Assert.Equal("35.1", (await big.Locator("article.card[data-indicator='retail_sales'] .figure").InnerTextAsync()).Trim());
        // The dry run of the bad file is answered 422 by design (the browser logs it); nothing else may fail.
        var unexpected = errors.Where(e => !e.Contains("422")).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        Assert.True(bigErrors.Count == 0, string.Join("\n", bigErrors));
    }
}
