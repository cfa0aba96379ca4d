using System.Text.Json;
using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Evaluation;

/// <summary>fz targets carries the new fields over the seeds, and the status thresholds come from configuration.</summary>
public sealed class TargetProgressTests
{
    private static async Task<Dictionary<string, JsonElement>> TargetsAfterRun(TestStorage s)
    {
        var (runExit, _) = await s.FzAsync("run", "--seeds", TestStorage.SeedsFolder);
        Assert.Equal(0, runExit);
        var (exit, output) = await s.FzAsync("targets", "--zone", "lc-etdz", "--year", "2022", "--json");
        Assert.Equal(0, exit);
        return JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(t => t.GetProperty("indicator").GetString()!);
    }

    [Fact]
    public async Task Targets_tell_the_ratio_projection_and_monthly_amount_needed()
    {
        var t = await TargetsAfterRun(new TestStorage());
        var revenue = t["manufacturing_revenue"];
        // The field names of issue 2 stay.
        Assert.Equal((47.5m, 41.7m, 5.8m, "ahead"), (revenue.GetProperty("completion").GetDecimal(), revenue.GetProperty("timeProgress").GetDecimal(),
            revenue.GetProperty("gapPoints").GetDecimal(), revenue.GetProperty("status").GetString()));
        Assert.Equal((1.14m, 353.4m, 23.25m, "on-track"), (revenue.GetProperty("progressRatio").GetDecimal(), revenue.GetProperty("projection").GetDecimal(),
            revenue.GetProperty("monthlyNeeded").GetDecimal(), revenue.GetProperty("progressClass").GetString()));
        Assert.Equal("behind", t["manufacturing_firms"].GetProperty("status").GetString());
        Assert.Equal("on-track", t["import_export"].GetProperty("status").GetString()); // reached in May; achieved only at the year's end
    }

    [Fact]
    public async Task Status_thresholds_come_from_configuration()
    {
        var strict = new TestStorage(new Dictionary<string, string?> { ["FunctionsZone:Targets:OnTrack"] = "0.99", ["FunctionsZone:Targets:Accelerate"] = "0.98" });
        var t = await TargetsAfterRun(strict);
        Assert.Equal("at-risk", t["manufacturing_firms"].GetProperty("status").GetString()); // R = 25% ÷ 41.7% = 0.6 < 0.98
    }

    /// <summary>The rows: every status agrees with its own figures, and no 序时进度 gap where it does not apply.</summary>
    [Fact]
    public async Task No_row_contradicts_itself()
    {
        var s = new TestStorage();
        Assert.Equal(0, (await s.FzAsync("run", "--seeds", TestStorage.SeedsFolder)).Exit);
        var (exit, output) = await s.FzAsync("targets", "--zone", "聊城经开区", "--year", "2022", "--as-of", "2022-05", "--json");
        Assert.Equal(0, exit);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(18, rows.Count);
        foreach (var r in rows)
        {
            var name = r.GetProperty("name").GetString()!;
            var judged = r.GetProperty("judgement").GetString();
            var status = r.GetProperty("status").GetString();
            var gap = r.GetProperty("gapPoints");
            Assert.NotEqual(r.GetProperty("indicator").GetString(), name); // a Chinese name, never the id
            if (judged is "time-progress" or "from-baseline")
            {
                if (gap.ValueKind == JsonValueKind.Null) { Assert.Equal("no-data", status); continue; }
                // Ahead of 序时进度 and behind cannot both be said of one row.
                var ahead = gap.GetDecimal() >= 0;
                Assert.True(ahead == status is "ahead" or "achieved" || (!ahead && status is "on-track" && gap.GetDecimal() > -3m), $"{name}: gap {gap} but {status}");
            }
            else Assert.Equal(JsonValueKind.Null, gap.ValueKind);
        }
        var byId = rows.ToDictionary(r => r.GetProperty("indicator").GetString()!);
        // 外贸企业 86 of 100 (no 2021 level stored): 14 家 short, not "44.3 个百分点 ahead".
        Assert.Equal(("distance-to-target", -14m, "below-target"), (byId["foreign_trade_firms"].GetProperty("judgement").GetString(),
            byId["foreign_trade_firms"].GetProperty("distanceToTarget").GetDecimal(), byId["foreign_trade_firms"].GetProperty("status").GetString()));
        // 十强产业占比 86.3 of 90: 3.7 个百分点 short.
        Assert.Equal((-3.7m, "个百分点"), (byId["top_ten_industry_share"].GetProperty("distanceToTarget").GetDecimal(), byId["top_ten_industry_share"].GetProperty("distanceUnit").GetString()));
        // 规上制造业企业 from its 2021 level of 102: 25% of the way against 41.7%.
        Assert.Equal((102m, 25.0m, -16.7m), (byId["manufacturing_firms"].GetProperty("baseline").GetDecimal(), byId["manufacturing_firms"].GetProperty("completion").GetDecimal(),
            byId["manufacturing_firms"].GetProperty("gapPoints").GetDecimal()));
        Assert.Equal("乖宝集团年底前上市", byId["guaibao_listing"].GetProperty("name").GetString());
        // projects.csv is ingested: the four undated projects of ≥ 10亿 are listed, not counted.
        Assert.Equal(4, byId["projects_10yi"].GetProperty("undatedProjects").GetArrayLength());
    }
}
