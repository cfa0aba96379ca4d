using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;

namespace FunctionsZone.Core.Tests.Rankings;

public class CompetitionRankingTests
{
    [Fact]
    public void Ties_share_a_place_and_the_next_is_skipped()
    {
        var ranked = CompetitionRanking.Rank(new[] { ("a", 9m), ("b", 12m), ("c", 9m), ("d", 5m) }, x => x.Item2, Direction.Higher);
        Assert.Equal(new[] { ("b", 1), ("a", 2), ("c", 2), ("d", 4) }, ranked.Select(r => (r.Item.Item1, r.Rank)));
    }

    [Fact]
    public void Lower_is_better_ranks_the_smallest_first()
    {
        var ranked = CompetitionRanking.Rank(new[] { ("energy-a", 0.8m), ("energy-b", 0.3m), ("energy-c", 0.5m) }, x => x.Item2, Direction.Lower);
        Assert.Equal(new[] { "energy-b", "energy-c", "energy-a" }, ranked.Select(r => r.Item.Item1));
        Assert.Equal(new[] { 1, 2, 3 }, ranked.Select(r => r.Rank));
    }
}
