using System.Text.Json;
using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Evaluation;

/// <summary>fz composite / weakpoints / whatif / benchmark over the seeds on a real Azurite, and the snapshot that carries them.</summary>
public sealed class EvaluationCliTests(SeededStorage seeded) : IClassFixture<SeededStorage>
{
    private TestStorage S => seeded.Storage;

    private static JsonElement Parse(string output) => JsonDocument.Parse(output).RootElement;

    [Fact]
    public async Task Composite_json_lists_every_peer_with_rank_interval_and_the_official_rank()
    {
        var (exit, output) = await S.FzAsync("composite", "--scheme", "national", "--period", "2021", "--json");
        Assert.Equal(0, exit);
        var zones = Parse(output).EnumerateArray().ToList();
        Assert.Equal(30, zones.Count);
        foreach (var z in zones)
        {
            foreach (var field in new[] { "zone", "name", "score", "rank", "of", "medianRank", "rankP5", "rankP95" })
                Assert.True(z.TryGetProperty(field, out _), $"missing {field}");
            Assert.Equal(30, z.GetProperty("of").GetInt32());
            Assert.InRange(z.GetProperty("rankP5").GetInt32(), 1, z.GetProperty("rankP95").GetInt32());
        }
        var lc = zones.Single(z => z.GetProperty("zone").GetString() == "lc-etdz");
        Assert.Equal(116, lc.GetProperty("officialRank").GetInt32());
        Assert.Equal(217, lc.GetProperty("officialOf").GetInt32());
        var scaled = lc.GetProperty("scaledRank").GetInt32();
        Assert.Equal(scaled - 116, lc.GetProperty("differenceFromOfficial").GetInt32());
        // Ranks are a competition ranking of the scores.
        var scores = zones.Select(z => z.GetProperty("score").GetDouble()).ToList();
        foreach (var z in zones)
            Assert.Equal(1 + scores.Count(s => s > z.GetProperty("score").GetDouble()), z.GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Scheme_is_found_by_its_chinese_name_and_the_table_prints()
    {
        var (exit, output) = await S.FzAsync("composite", "--scheme", "山东省开发区综合发展水平考核", "--period", "2021");
        Assert.Equal(0, exit);
        Assert.Contains("聊城经济技术开发区", output);
        Assert.Contains("143/160 (2021)", output);
        var (bad, _) = await S.FzAsync("composite", "--scheme", "no-such-scheme", "--period", "2021");
        Assert.Equal(1, bad);
    }

    [Fact]
    public async Task Whatif_value_lifts_the_rank_and_weakpoints_cost_points()
    {
        var (exit, output) = await S.FzAsync("whatif", "--zone", "聊城经开区", "--indicator", "rd_intensity", "--scheme", "national", "--period", "2021", "--json");
        Assert.Equal(0, exit);
        var w = Parse(output);
        Assert.Equal("rd_intensity", w.GetProperty("indicator").GetString());
        Assert.Equal(1, w.GetProperty("places").GetInt32());
        Assert.True(w.GetProperty("required").GetDouble() > w.GetProperty("current").GetDouble());

        var (e2, weak) = await S.FzAsync("weakpoints", "--zone", "lc-etdz", "--scheme", "national", "--period", "2021", "--json");
        Assert.Equal(0, e2);
        var list = Parse(weak).GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(30, list.Count);
        var lost = list.Select(x => x.TryGetProperty("pointsLost", out var p) ? p.GetDouble() : double.NegativeInfinity).ToList();
        Assert.Equal(lost.OrderByDescending(x => x), lost);
        Assert.True(lost[0] > 0);
    }

    [Fact]
    public async Task Benchmarks_state_the_speech_ratios_and_city_shares()
    {
        var (_, tax) = await S.FzAsync("benchmark", "--zone", "lc-etdz", "--peer", "邹城经济开发区", "--indicator", "亩均税收", "--period", "2021", "--json");
        var t = Parse(tax);
        Assert.Equal(0.2m, t.GetProperty("ratio").GetDecimal());
        Assert.Equal("1/5", t.GetProperty("fraction").GetString());
        Assert.Contains("五分之一", t.GetProperty("phraseZh").GetString());
        var (_, inv) = await S.FzAsync("benchmark", "--zone", "lc-etdz", "--peer", "zoucheng-edz", "--indicator", "investment_per_mu", "--period", "2021", "--json");
        Assert.Equal("<1/3", Parse(inv).GetProperty("fraction").GetString());
        var (_, shares) = await S.FzAsync("benchmark", "--zone", "yantai-etdz", "--period", "2021", "--city-share", "--json");
        var byIndicator = Parse(shares).EnumerateArray().ToDictionary(x => x.GetProperty("indicator").GetString()!, x => x.GetProperty("sharePercent").GetDecimal());
        Assert.Equal(81.5m, byIndicator["fdi_utilised"]);
        Assert.Equal(83.0m, byIndicator["import_export"]);
    }

    [Fact]
    public async Task Snapshot_carries_composites_and_the_city_ranks_of_issue_2_are_unchanged()
    {
        var reader = S.Cli.Reader();
        var latest = await reader.LatestAsync();
        Assert.Contains(latest.Periods, p => p == "2021");
        var doc = await reader.ReadAsync<JsonElement>(latest, "periods/2022-05/composite.json");
        Assert.Contains(doc.GetProperty("composites").EnumerateArray(), c => c.GetProperty("scheme").GetString() == "liaocheng-city");
        var expected = new Dictionary<string, int>
        {
            ["industrial_va_growth"] = 4, ["industrial_va_growth_month"] = 1, ["private_investment_share"] = 1,
            ["general_budget_revenue"] = 4, ["fdi_utilised"] = 1, ["retail_sales"] = 2,
        };
        foreach (var (code, rank) in expected)
        {
            var r = await reader.RankingAsync("2022-05", code, "liaocheng-city", Core.Rankings.Measure.Level);
            var e = r.Entries.Single(x => x.Zone == "lc-etdz");
            Assert.Equal((rank, 11), (e.Rank!.Value, e.Of));
        }
    }
}
