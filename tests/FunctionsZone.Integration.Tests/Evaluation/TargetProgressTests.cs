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
        Assert.Equal("achieved", t["import_export"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Status_thresholds_come_from_configuration()
    {
        var strict = new TestStorage(new Dictionary<string, string?> { ["FunctionsZone:Targets:OnTrack"] = "0.99", ["FunctionsZone:Targets:Accelerate"] = "0.98" });
        var t = await TargetsAfterRun(strict);
        Assert.Equal("at-risk", t["manufacturing_firms"].GetProperty("status").GetString()); // R = 0.945 < 0.98
    }
}
