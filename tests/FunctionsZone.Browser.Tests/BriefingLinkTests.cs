using System.Text.Json;
using FunctionsZone.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FunctionsZone.Browser.Tests;

/// <summary>
/// The zone view links the month's 经济运行简报 (issue 14): the Word document published beside the zone page, labelled
/// from the dictionary, reached by keyboard, left off the printed page.
/// </summary>
[Collection("seed portal")]
public sealed class BriefingLinkTests(PortalSite site)
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>What fetch(href) gave in the page (Playwright fills it by property name).</summary>
    private sealed class Fetched
    {
        public int Status { get; set; }
        public string? Type { get; set; }
        public int[] Head { get; set; } = [];
        public int Size { get; set; }
    }

    /// <summary>The content-addressed object the latest version's manifest names for a logical path (null: none).</summary>
    private async Task<string?> ObjectOfAsync(string path)
    {
        using var latest = JsonDocument.Parse(await site.Http.GetStringAsync("snapshots/latest.json"));
        var version = latest.RootElement.GetProperty("version").GetString();
        using var manifest = JsonDocument.Parse(await site.Http.GetStringAsync($"snapshots/versions/{version}/manifest.json"));
        return manifest.RootElement.GetProperty("files").EnumerateArray()
            .Where(f => f.GetProperty("path").GetString() == path).Select(f => f.GetProperty("object").GetString()).SingleOrDefault();
    }

    [Fact]
    public async Task The_zone_view_links_the_month_s_briefing_and_the_link_gives_a_word_document()
    {
        var (page, errors) = await site.NewPageAsync();
        await PortalSite.OpenAsync(page, "/?period=2022-05");
        var link = page.Locator("a#briefing");
        Assert.Equal("经济运行简报 (Word)", (await link.InnerTextAsync()).Trim());
        var href = await link.GetAttributeAsync("href");
        Assert.NotNull(href);
        Assert.EndsWith((await ObjectOfAsync("periods/2022-05/zones/lc-etdz.briefing.docx"))!, href);

        // What the browser gets for the href: a zip (PK\x03\x04, as every .docx) with the Word content type.
        var fetched = await page.EvaluateAsync<Fetched>("""
            async href => {
              const r = await fetch(href);
              const bytes = new Uint8Array(await r.arrayBuffer());
              return { status: r.status, type: r.headers.get('content-type'), head: Array.from(bytes.slice(0, 4)), size: bytes.length };
            }
            """, href);
        Assert.Equal(200, fetched.Status);
        Assert.Equal(DocxType, fetched.Type);
        Assert.Equal([0x50, 0x4B, 0x03, 0x04], fetched.Head);
        Assert.True(fetched.Size > 10_000, $"a briefing with its table and charts, not {fetched.Size} bytes");

        // Keyboard: Tab from the print button reaches the link, Enter downloads the document.
        await page.FocusAsync("#print");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("briefing", await page.EvaluateAsync<string>("document.activeElement.id"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Keyboard.PressAsync("Enter"));
        Assert.Equal("聊城经济技术开发区2022-05经济运行简报.docx", download.SuggestedFilename);
        var saved = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("PK"u8.ToArray(), saved[..2]);
        Assert.Equal(fetched.Size, saved.Length);

        // Print: a link to click has no place on paper.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await link.IsVisibleAsync());
        Assert.True(await page.Locator("[data-panel='headline']").IsVisibleAsync());

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_link_is_labelled_in_english_on_the_english_page_and_follows_the_chosen_month()
    {
        var (page, errors) = await site.NewPageAsync();
        await PortalSite.OpenAsync(page, "/?lang=en&period=2022-04");
        var link = page.Locator("a#briefing");
        Assert.Equal("Monthly briefing (Word)", (await link.InnerTextAsync()).Trim());
        Assert.EndsWith((await ObjectOfAsync("periods/2022-04/zones/lc-etdz.briefing.docx"))!, await link.GetAttributeAsync("href"));
        Assert.Equal("Liaocheng Economic and Technological Development Zone briefing 2022-04.docx", await link.GetAttributeAsync("download"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    [Fact]
    public async Task A_zone_the_snapshot_has_no_briefing_for_shows_no_link()
    {
        // 邹城经开区 is the 亩均 benchmark peer, not ranked in a city: the publisher writes no briefing for it.
        var (page, errors) = await site.NewPageAsync();
        await PortalSite.OpenAsync(page, "/?zone=zoucheng-edz");
        Assert.Equal(0, await page.Locator("a#briefing").CountAsync());
        // The version's index says it holds none: nothing is asked for, nothing fails.
        Assert.Null(await ObjectOfAsync("periods/2022-05/zones/zoucheng-edz.briefing.docx"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }
}
