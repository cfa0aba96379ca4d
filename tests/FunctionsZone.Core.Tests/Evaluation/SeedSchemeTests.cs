using Xunit;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;
using Xunit.Abstractions;

namespace FunctionsZone.Core.Tests.Evaluation;

/// <summary>The shipped schemes over the seed data.</summary>
public sealed class SeedSchemeTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData("national", "2021", 30)]
    [InlineData("国家级经开区综合发展水平考核评价", "2021", 30)]
    [InlineData("shandong", "2021", 28)]
    [InlineData("liaocheng-city", "2022-05", 11)]
    public void Shipped_schemes_score_the_seed_peers(string scheme, string period, int zones)
    {
        var s = SeedData.Schemes.Get(scheme);
        var input = CompositeInput.FromObservations(s, SeedData.Registry, SeedData.Observations, Period.Parse(period));
        var result = CompositeEvaluator.Evaluate(input, SeedData.Official, draws: 200);
        foreach (var z in result.Zones)
            log.WriteLine($"{z.Rank,3}/{z.Of} {z.Score,8:0.00} [{z.RankP5}-{z.RankP95}] med {z.MedianRank} off {z.OfficialRank}/{z.OfficialOf} scaled {z.ScaledRank} {z.Zone}");
        Assert.Equal(zones, result.Zones[0].Of);
        Assert.All(result.Zones, z => Assert.InRange(z.Score!.Value, 0, 100));
        Assert.All(result.Zones, z => Assert.True(z.RankP5 <= z.MedianRank && z.MedianRank <= z.RankP95));
        var lc = result.Zones.Single(z => z.Zone == "lc-etdz");
        Assert.NotNull(lc.OfficialRank);
        Assert.Equal(lc.ScaledRank - lc.OfficialRank, lc.DifferenceFromOfficial);
    }
}
