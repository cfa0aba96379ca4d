using System.Text.Json;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Tests.References;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.References;

/// <summary>
/// COINr's rank_df(…, use_group = "GDP_group") example (coinr-asem-raw): the raw ASEM data ingested with the GDP groups
/// as ranking groups, and all 102 published ranks read back with fz rankings — competition ranking within each group.
/// </summary>
public sealed class AsemGroupRankingTests
{
    [Fact]
    public async Task All_102_ranks_by_GDP_group_match()
    {
        var data = ReferenceCases.Csv("coinr-asem-raw/asem_idata.csv");
        var storage = new TestStorage();
        string[] indicators = ["Goods", "LPI"];
        var run = await storage.Pipeline().RunAsync(
        [
            AsemInputs.Groups(data.Select(r => r["GDP_group"]).Distinct()),
            AsemInputs.Zones(data, "uCode", "uName", "GDP_group"),
            AsemInputs.Indicators(indicators.Select(i => (i, i, "higher"))),
            AsemInputs.Observations("asem-raw-2018.csv", data, "uCode", indicators),
        ], new IngestOptions());
        Assert.All(run.Imports, s => Assert.NotEqual(ImportStatus.Error, s.Status));

        var expected = ReferenceCases.Csv("coinr-asem-raw/expected_rank_df_by_GDP_group.csv");
        var checkedRanks = 0;
        foreach (var group in expected.GroupBy(r => r["GDP_group"]))
        foreach (var indicator in indicators)
        {
            var (exit, output) = await storage.FzAsync("rankings", "--period", AsemInputs.Period, "--indicator", indicator, "--group", $"gdp-{group.Key}", "--json");
            Assert.True(exit == 0, output);
            var ranks = JsonDocument.Parse(output).RootElement.EnumerateArray()
                .ToDictionary(e => e.GetProperty("zone").GetString()!, e => e.GetProperty("rank").ValueKind == JsonValueKind.Null ? (int?)null : e.GetProperty("rank").GetInt32());
            foreach (var row in group)
            {
                var want = row[$"rank_{indicator}"];
                Assert.Equal(want.Length == 0 || want == "NA" ? null : int.Parse(want), ranks[row["uCode"]]);
                checkedRanks++;
            }
        }
        Assert.Equal(102, checkedRanks);
    }
}
