using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;
using static FunctionsZone.Core.Tests.TestRegistry;

namespace FunctionsZone.Core.Tests.Rankings;

public class RankingCalculatorTests
{
    private static Ranking Rank(IEnumerable<Observation> obs, string indicator, string period = "2022-05", Measure measure = Measure.Level)
    {
        var registry = Create();
        return new RankingCalculator(registry, new ObservationSet(obs)).Compute(Period.Parse(period), registry.Indicator(indicator), registry.Group("g"), measure)!;
    }

    [Fact]
    public void A_zone_without_a_value_is_listed_but_never_ranked_last()
    {
        var r = Rank([Obs("a", "revenue", "2022-05", 9.39m), Obs("b", "revenue", "2022-05", 12m), Obs("c", "revenue", "2022-05", 3m)], "revenue");
        Assert.Equal(4, r.Entries.Count);
        var d = Assert.Single(r.Entries, e => e.Zone == "d");
        Assert.Null(d.Rank);
        Assert.Equal("not-ranked", d.Status);
        Assert.All(r.Entries.Where(e => e.Rank is not null), e => Assert.Equal(3, e.Of));
        Assert.Equal(2, r.Entries.Single(e => e.Zone == "a").Rank);
    }

    [Fact]
    public void Moves_compare_with_the_previous_month_and_the_same_month_last_year()
    {
        var r = Rank([
            Obs("a", "revenue", "2022-05", 10m), Obs("b", "revenue", "2022-05", 8m),
            Obs("a", "revenue", "2022-04", 7m), Obs("b", "revenue", "2022-04", 8m),
            Obs("a", "revenue", "2021-05", 5m), Obs("b", "revenue", "2021-05", 4m),
        ], "revenue");
        var a = r.Entries.Single(e => e.Zone == "a");
        Assert.Equal((1, 2, 1, 1, 0), (a.Rank!.Value, a.PreviousRank!.Value, a.MoveFromPrevious!.Value, a.YearAgoRank!.Value, a.MoveFromYearAgo!.Value));
        var b = r.Entries.Single(e => e.Zone == "b");
        Assert.Equal(-1, b.MoveFromPrevious);
    }

    [Fact]
    public void Shares_differ_from_the_city_figure_in_percentage_points()
    {
        // 85.6% − 56.7% = 28.9 个百分点
        var r = Rank([Obs("a", "share", "2022-05", 85.6m), Obs("b", "share", "2022-05", 40m), Obs("city", "share", "2022-05", 56.7m)], "share");
        Assert.Equal(56.7m, r.ReferenceValue);
        Assert.Equal(28.9m, r.Entries.Single(e => e.Zone == "a").DifferencePoints);
        Assert.DoesNotContain(r.Entries, e => e.Zone == "city");
    }

    [Fact]
    public void Amounts_get_no_difference_in_points()
    {
        var r = Rank([Obs("a", "revenue", "2022-05", 9m), Obs("city", "revenue", "2022-05", 100m)], "revenue");
        Assert.Null(r.Entries.Single(e => e.Zone == "a").DifferencePoints);
    }

    [Fact]
    public void Lower_is_better_is_respected()
    {
        var r = Rank([Obs("a", "energy", "2022-05", 0.9m), Obs("b", "energy", "2022-05", 0.4m)], "energy");
        Assert.Equal("b", r.Entries[0].Zone);
        Assert.Equal("lower", r.Direction);
    }

    [Fact]
    public void Growth_uses_the_reported_rate_and_computes_only_where_none_was_reported()
    {
        var r = Rank([
            Obs("a", "fdi", "2022-05", 2474m, yoy: 12.5m), Obs("a", "fdi", "2021-05", 100m),
            Obs("b", "fdi", "2022-05", 300m), Obs("b", "fdi", "2021-05", 200m),
        ], "fdi", measure: Measure.Growth);
        var a = r.Entries.Single(e => e.Zone == "a");
        Assert.Equal((12.5m, "reported"), (a.Value!.Value, a.Basis!));
        var b = r.Entries.Single(e => e.Zone == "b");
        Assert.Equal((50m, "computed"), (b.Value!.Value, b.Basis!));
        Assert.Equal(1, b.Rank);
    }

    [Fact]
    public void Rates_and_shares_rank_by_level_only()
    {
        var registry = Create();
        Assert.Equal([Measure.Level], RankingCalculator.MeasuresOf(registry.Indicator("share")));
        Assert.Equal([Measure.Level, Measure.Growth], RankingCalculator.MeasuresOf(registry.Indicator("revenue")));
    }
}
