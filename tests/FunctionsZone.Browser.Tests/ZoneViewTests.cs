using FunctionsZone.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FunctionsZone.Browser.Tests;

[CollectionDefinition("seed portal")]
public sealed class SeedPortalCollection : ICollectionFixture<PortalSite>;

/// <summary>The zone view in Chromium on the seed data: what the speech states for May 2022 is on the page.</summary>
[Collection("seed portal")]
public sealed class ZoneViewTests(PortalSite site)
{
    private static async Task<string> Text(IPage page, string selector) => (await page.Locator(selector).InnerTextAsync()).Trim();

    // 规上工业增加值增速 9.5% 第4, 当月 12.9% 第1, 民间投资占比 85.6% 第1, 一般公共预算收入 9.39亿 第4, 实际利用外资 2474万美元 第1, 限额以上零售额 33.4亿 第2.
    [Theory]
    [InlineData("industrial_va_growth", "9.5", "%", "4/11")]
    [InlineData("industrial_va_growth_month", "12.9", "%", "1/11")]
    [InlineData("private_investment_share", "85.6", "%", "1/11")]
    [InlineData("general_budget_revenue", "9.39", "亿元", "4/11")]
    [InlineData("fdi_utilised", "2474", "万美元", "1/11")]
    [InlineData("retail_sales", "33.4", "亿元", "2/11")]
    public async Task The_home_zone_shows_each_figure_and_city_rank_the_speech_states(string indicator, string figure, string unit, string rank)
    {
        var (page, errors) = await site.NewPageAsync();
        await PortalSite.OpenAsync(page, "/");
        var card = $"article.card[data-indicator='{indicator}']";
        Assert.Equal(figure, await Text(page, $"{card} .figure"));
        Assert.Equal(unit, await Text(page, $"{card} .unit"));
        Assert.Equal(rank, await Text(page, $"{card} .of"));
        Assert.Equal($"第{rank.Split('/')[0]}", await Text(page, $"{card} .ord"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_zone_view_shows_the_gap_to_the_city_the_official_ranks_and_the_targets_against_time_progress()
    {
        var (page, errors) = await site.NewPageAsync();
        // By 中文名, as users type it in the address.
        await PortalSite.OpenAsync(page, "/?zone=" + Uri.EscapeDataString("聊城经济技术开发区") + "&period=2022-05");
        Assert.Contains("聊城经济技术开发区", await Text(page, "h1"));
        Assert.Contains("+28.9 个百分点", await Text(page, "article.card[data-indicator='private_investment_share'] .gap"));
        Assert.Contains("↑2", await Text(page, "article.card[data-indicator='industrial_va_growth'] .rank"));

        // 国评 192 → 116, 省评 112 → 143, 市对区 11 → 5, each with its field size.
        foreach (var (evaluation, year, rank) in new[] { ("national", 2020, "192/215"), ("national", 2021, "116/217"), ("provincial", 2020, "112/160"),
                     ("provincial", 2021, "143/160"), ("city", 2020, "11/11"), ("city", 2021, "5/11") })
            Assert.Contains(rank, await Text(page, $"#tbl-official tr[data-evaluation='{evaluation}'][data-year='{year}']"));
        Assert.Equal(1, await page.Locator("#chart-official svg").CountAsync());

        Assert.Contains("序时进度 41.7%", await Text(page, "#time-progress"));
        var importExport = await Text(page, "#tbl-targets tr[data-indicator='import_export']");
        Assert.Contains("139.3%", importExport);
        // Reached in May, but a year's growth is achieved only when the year is done (issue 30).
        Assert.Contains("符合序时", importExport);
        // A level target judged by distance has no 序时进度 gap: a dash, not "— 个百分点".
        var tradeFirms = await Text(page, "#tbl-targets tr[data-indicator='foreign_trade_firms']");
        Assert.Contains("86%", tradeFirms);
        Assert.DoesNotContain("个百分点", tradeFirms);
        Assert.Contains("序时进度 41.7%", await page.Locator("#chart-targets").InnerTextAsync() + await page.Locator("#chart-targets svg").InnerHTMLAsync());

        // 亩均税收 against the benchmark peer: a fifth.
        Assert.Contains("≈1/5", await Text(page, "#tbl-permu tr[data-indicator='tax_per_mu']"));
        // Composite rank with its P5–P95 interval beside the official rank.
        var composite = await Text(page, "#tbl-composite tr[data-scheme='liaocheng-city']");
        Assert.Contains("3/11", composite);
        Assert.Contains("2–4", composite);
        Assert.Contains("5/11", composite);
        Assert.True(await page.Locator("#weak-list li").CountAsync() >= 5);
        // 短板 (issue 32 item 1): the panel marks exactly the weak points /api/weakpoints serves, in its order — both render
        // the list publish stored in the zone page (WeakPointsFacesTests holds the API, fz and the briefing to it).
        var api = System.Text.Json.JsonDocument.Parse(await site.Http.GetStringAsync("api/weakpoints?zone=lc-etdz&period=2022-05")).RootElement;
        var expected = api.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("weak").GetBoolean()).Select(i => i.GetProperty("indicator").GetString()!).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await page.Locator("#weak-list li[data-weak='true']").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.indicator)"));

        await Shots.TakeAsync(page, "zone");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_what_if_panel_asks_the_api_for_the_value_that_gains_places()
    {
        var (page, errors) = await site.NewPageAsync();
        await PortalSite.OpenAsync(page, "/");
        await page.SelectOptionAsync("#whatif-indicator", "general_budget_revenue");
        await page.ClickAsync("#whatif button[type=submit]");
        await page.WaitForSelectorAsync("#whatif-result ul.steps li");
        // Composite rank 3 of 11: at most two places to climb, each step named with its target rank.
        Assert.Contains("3/11", await Text(page, "#whatif-result"));
        Assert.Equal(2, await page.Locator("#whatif-result li").CountAsync());
        Assert.Contains("第 1", await Text(page, "#whatif-result li[data-places='2']"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    [Fact]
    public async Task Lang_en_gives_the_page_in_english()
    {
        var (page, errors) = await site.NewPageAsync();
        await PortalSite.OpenAsync(page, "/?lang=en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains("Liaocheng Economic and Technological Development Zone", await Text(page, "h1"));
        Assert.Equal("Headline figures of the month", await Text(page, "#h-headline"));
        Assert.Contains("+28.9 pp", await Text(page, "article.card[data-indicator='private_investment_share'] .gap"));
        Assert.Contains("Time progress 41.7%", await Text(page, "#time-progress"));
        // Amounts scaled in English (issue 32 #2): 9.39亿元 is 939 million yuan, 2474万美元 US$24.74 million.
        Assert.Equal(("939", "million yuan"), (await Text(page, "article.card[data-indicator='general_budget_revenue'] .figure"), await Text(page, "article.card[data-indicator='general_budget_revenue'] .unit")));
        Assert.Equal(("US$24.74", "million"), (await Text(page, "article.card[data-indicator='fdi_utilised'] .figure"), await Text(page, "article.card[data-indicator='fdi_utilised'] .unit")));
        // No Chinese left in the headings and labels the dictionary owns.
        foreach (var heading in await page.Locator("h2, th[scope=col], nav a").AllInnerTextsAsync())
            Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", heading);
        await Shots.TakeAsync(page, "zone-en");

        // The toggle goes back to Chinese.
        await page.ClickAsync("#lang-toggle");
        await page.WaitForURLAsync(u => !u.Contains("lang=en"));
        await page.WaitForSelectorAsync("body[data-ready]");
        Assert.Equal("本月主要指标", await Text(page, "#h-headline"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?lang=en")]
    [InlineData("/?view=city")]
    [InlineData("/?view=bureau")]
    [InlineData("/?screen=big")]
    public async Task Axe_finds_no_serious_or_critical_violation(string address)
    {
        var (page, errors) = await site.NewPageAsync();
        await PortalSite.OpenAsync(page, address);
        var violations = await Axe.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_zone_says_so_in_both_languages_of_the_page()
    {
        var (page, _) = await site.NewPageAsync();
        await page.GotoAsync("/?zone=nowhere");
        await page.WaitForSelectorAsync("body[data-ready]");
        Assert.Contains("没有找到开发区「nowhere」", await Text(page, "main [role=alert]"));
        await page.CloseAsync();
    }
}
