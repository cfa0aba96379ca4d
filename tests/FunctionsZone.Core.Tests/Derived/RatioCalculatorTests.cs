using FunctionsZone.Core.Derived;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;
using static FunctionsZone.Core.Tests.TestRegistry;

namespace FunctionsZone.Core.Tests.Derived;

/// <summary>
/// Issue 30 item 4: a derived indicator over two stored indicators is computed by recompute (DerivedFigures), as in
/// docs/methods.md §12. Figures: 国家统计局《2022年国民经济和社会发展统计公报》(城镇常住人口 92071 万人, 年末人口
/// 141175 万人, 城镇化率 65.22%) and 云和县统计局《2022年云和县国民经济和社会发展统计公报》(地区生产总值 951435 万元,
/// 第一/二/三产业增加值 57116 / 445964 / 448355 万元, 三次产业结构 6.0:46.9:47.1).
/// </summary>
public sealed class RatioCalculatorTests
{
    private static Indicator Amount(string code, string unit, IndicatorKind kind) => new() { Code = code, NameZh = code, Unit = unit, Kind = kind };

    private static Indicator Ratio(string code, string numerator, string denominator) =>
        new() { Code = code, NameZh = code, Unit = "%", Kind = IndicatorKind.Share, Derived = new DerivedFormula(numerator, denominator) };

    private static ZoneRegistry Registry(params Indicator[] indicators) =>
        new([new Zone { Id = "a", NameZh = "甲" }, new Zone { Id = "b", NameZh = "乙" }], [], indicators);

    private static IReadOnlyList<Observation> Derive(ZoneRegistry registry, params Observation[] stored) =>
        DerivedFigures.Derive(registry, new ObservationSet(stored), [Period.Parse("2022")]);

    private static readonly ZoneRegistry Population = Registry(
        Amount("urban_population", "万人", IndicatorKind.Stock), Amount("resident_population", "万人", IndicatorKind.Stock),
        Ratio("urbanisation_rate", "urban_population", "resident_population"));

    [Fact]
    public void Urbanisation_rate_is_urban_over_resident_population_times_100_to_two_decimals()
    {
        // 92071 ÷ 141175 × 100 = 65.2176… → 65.22, the bulletin's 城镇化率.
        var d = Assert.Single(Derive(Population, Obs("a", "urban_population", "2022", 92071m), Obs("a", "resident_population", "2022", 141175m)));
        Assert.Equal(("a", "urbanisation_rate", 65.22m), (d.Zone, d.Indicator, d.Value));
        Assert.StartsWith("derived: urban_population (92071 万人) ÷ resident_population (141175 万人) × 100", d.Source);
    }

    [Fact]
    public void The_numerator_is_converted_into_the_denominators_unit()
    {
        var registry = Registry(Amount("urban_population", "万人", IndicatorKind.Stock), Amount("resident_population", "人", IndicatorKind.Stock),
            Ratio("urbanisation_rate", "urban_population", "resident_population"));
        var d = Assert.Single(Derive(registry, Obs("a", "urban_population", "2022", 92071m), Obs("a", "resident_population", "2022", 1411750000m)));
        Assert.Equal(65.22m, d.Value);
    }

    [Fact]
    public void Three_sector_structure_of_a_county_each_share_rounded_on_its_own()
    {
        var registry = Registry(Amount("gdp", "万元", IndicatorKind.Ytd), Amount("primary_va", "万元", IndicatorKind.Ytd),
            Amount("secondary_va", "万元", IndicatorKind.Ytd), Amount("tertiary_va", "万元", IndicatorKind.Ytd),
            Ratio("primary_share", "primary_va", "gdp"), Ratio("secondary_share", "secondary_va", "gdp"), Ratio("tertiary_share", "tertiary_va", "gdp"));
        var derived = Derive(registry, Obs("b", "gdp", "2022", 951435m), Obs("b", "primary_va", "2022", 57116m),
            Obs("b", "secondary_va", "2022", 445964m), Obs("b", "tertiary_va", "2022", 448355m));
        // 6.0031… → 6.00, 46.8727… → 46.87, 47.1240… → 47.12 (the bulletin's 6.0:46.9:47.1); they sum to 99.99, not forced to 100.
        Assert.Equal([("primary_share", 6.00m), ("secondary_share", 46.87m), ("tertiary_share", 47.12m)],
            derived.OrderBy(d => d.Indicator, StringComparer.Ordinal).Select(d => (d.Indicator, d.Value!.Value)));
    }

    [Fact]
    public void A_missing_figure_or_a_zero_denominator_gives_no_value_not_a_guess()
    {
        Assert.Empty(Derive(Population, Obs("a", "urban_population", "2022", 92071m)));
        Assert.Empty(Derive(Population, Obs("a", "urban_population", "2022", 5m), Obs("a", "resident_population", "2022", 0m)));
        Assert.Empty(Derive(Population, Obs("a", "urban_population", "2022", 5m), Obs("b", "resident_population", "2022", 10m)));
    }

    [Fact]
    public void Halves_round_away_from_zero()
    {
        // 1 ÷ 800 × 100 = 0.125 → 0.13 (四舍五入), not 0.12 (banker's rounding).
        var d = Assert.Single(Derive(Population, Obs("a", "urban_population", "2022", 1m), Obs("a", "resident_population", "2022", 800m)));
        Assert.Equal(0.13m, d.Value);
    }
}
