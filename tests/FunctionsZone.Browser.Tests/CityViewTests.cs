using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FunctionsZone.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FunctionsZone.Browser.Tests;

/// <summary>The city heat table, the print page and the snapshot files as the portal is served them.</summary>
[Collection("seed portal")]
public sealed class CityViewTests(PortalSite site)
{
    [Theory]
    [InlineData("general_budget_revenue")]
    [InlineData("industrial_va_growth")]
    [InlineData("retail_sales")]
    public async Task Sorting_by_an_indicator_orders_the_units_as_the_api_ranks_them(string indicator)
    {
        var (page, errors) = await site.NewPageAsync(1600, 900);
        await PortalSite.OpenAsync(page, "/?view=city");
        await page.ClickAsync($"button.sort[data-sort='{indicator}']");
        Assert.Equal("ascending", await page.GetAttributeAsync($"th[data-indicator='{indicator}']", "aria-sort"));
        var shown = await page.Locator("#city-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.zone)");

        var api = JsonNode.Parse(await site.Http.GetStringAsync($"api/rankings?period=2022-05&indicator={indicator}&group=liaocheng-city"))!;
        var ranked = api["entries"]!.AsArray().Where(e => e!["rank"] is not null).Select(e => e!["zone"]!.GetValue<string>()).ToArray();
        Assert.True(ranked.Length >= 10);
        Assert.Equal(ranked, shown.Take(ranked.Length));

        // A second click reverses; a unit's name opens its zone view.
        await page.ClickAsync($"button.sort[data-sort='{indicator}']");
        var reversed = await page.Locator("#city-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.zone)");
        Assert.Equal(ranked.Reverse(), reversed.Take(ranked.Length));
        if (indicator == "general_budget_revenue") await Shots.TakeAsync(page, "city");
        await page.ClickAsync($"#city-table tr[data-zone='{ranked[0]}'] th a");
        await page.WaitForURLAsync(u => u.Contains($"zone={ranked[0]}"));
        await page.WaitForSelectorAsync("body[data-ready]");
        Assert.Equal(1, await page.Locator("#h-headline").CountAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_print_stylesheet_leaves_navigation_and_live_panels_off_an_a4_page()
    {
        var (page, errors) = await site.NewPageAsync();
        await PortalSite.OpenAsync(page, "/");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.Locator("header nav").IsVisibleAsync());
        Assert.False(await page.Locator("[data-panel='whatif']").IsVisibleAsync());
        Assert.True(await page.Locator("[data-panel='targets']").IsVisibleAsync());
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Big_screen_mode_is_dark_at_1920x1080_and_rotates_its_panels()
    {
        var (page, errors) = await site.NewPageAsync(1920, 1080);
        await PortalSite.OpenAsync(page, "/?screen=big&rotate=1");
        Assert.Contains("big", await page.GetAttributeAsync("body", "class") ?? "");
        var first = await page.GetAttributeAsync("main", "data-on-air");
        await page.WaitForFunctionAsync("first => document.querySelector('main').dataset.onAir !== first", first);
        Assert.Equal(1, await page.Locator("[data-panel].on-air").CountAsync());
        await Shots.TakeAsync(page, "big-screen", fullPage: false);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Snapshot_files_are_served_as_stored_gzip_with_their_etag_and_304_on_if_none_match()
    {
        using var gzip = new HttpRequestMessage(HttpMethod.Get, "snapshots/latest.json");
        gzip.Headers.AcceptEncoding.ParseAdd("gzip");
        using var first = await site.Http.SendAsync(gzip);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("gzip", first.Content.Headers.ContentEncoding);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl!.ToString());
        var etag = first.Headers.ETag!;
        var bytes = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(0x1F, bytes[0]);

        using var again = new HttpRequestMessage(HttpMethod.Get, "snapshots/latest.json");
        again.Headers.IfNoneMatch.Add(etag);
        again.Headers.AcceptEncoding.ParseAdd("gzip");
        using var notModified = await site.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // A versioned file, found as the portal finds it (its index shard names its object): immutable; a client
        // without gzip gets the JSON itself.
        var http = new HttpClient { BaseAddress = site.BaseAddress };
        var pointer = JsonNode.Parse(await http.GetStringAsync("snapshots/latest.json"))!;
        const string page = "periods/2022-05/zones/lc-etdz.json";
        var shard = pointer["index"]![FunctionsZone.Core.Snapshots.SnapshotLayout.ShardOf(page)]!.GetValue<string>();
        var obj = JsonNode.Parse(await http.GetStringAsync($"snapshots/{shard}"))!["files"]![page]!.GetValue<string>();
        using var plain = new HttpRequestMessage(HttpMethod.Get, $"snapshots/{obj}");
        using var zone = await site.Http.SendAsync(plain);
        Assert.Equal(HttpStatusCode.OK, zone.StatusCode);
        Assert.Contains("immutable", zone.Headers.CacheControl!.ToString());
        Assert.Equal("lc-etdz", JsonNode.Parse(await zone.Content.ReadAsStringAsync())!["zone"]!.GetValue<string>());

        foreach (var bad in new[] { "snapshots/../latest.json", "snapshots/v/%2e%2e/x.json", "snapshots/nothing.json", "snapshots/latest.txt" })
        {
            using var r = await site.Http.GetAsync(bad);
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }
        // The portal's own files: index.html revalidated, hashed assets immutable; /api passes through.
        using var index = await site.Http.GetAsync("");
        Assert.Equal("no-cache", index.Headers.CacheControl!.ToString());
        Assert.Contains("text/html", index.Content.Headers.ContentType!.ToString());
        using var zones = await site.Http.GetAsync("api/zones?pageSize=1");
        Assert.Equal(HttpStatusCode.OK, zones.StatusCode);
    }
}
