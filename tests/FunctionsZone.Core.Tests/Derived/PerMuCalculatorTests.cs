using FunctionsZone.Core.Derived;
using FunctionsZone.Core.Domain;
using static FunctionsZone.Core.Tests.TestRegistry;

namespace FunctionsZone.Core.Tests.Derived;

public class PerMuCalculatorTests
{
    [Fact]
    public void Tax_per_mu_is_tax_in_wan_yuan_over_land_in_mu()
    {
        // 21.48亿元 × 10000 ÷ 60000 亩 = 3.58 万元/亩
        var derived = PerMuCalculator.Derive(Create(), new ObservationSet([Obs("a", "tax", "2021", 21.48m)]), [Period.Parse("2021")]);
        var d = Assert.Single(derived);
        Assert.Equal(("a", "tax_per_mu", 3.58m), (d.Zone, d.Indicator, d.Value!.Value));
        Assert.StartsWith("derived:", d.Source);
    }

    [Fact]
    public void No_land_area_means_no_value_not_a_guess()
    {
        var derived = PerMuCalculator.Derive(Create(), new ObservationSet([Obs("b", "tax", "2021", 5m)]), [Period.Parse("2021")]);
        Assert.Empty(derived);
    }

    [Fact]
    public void A_later_year_uses_the_latest_land_area_known()
    {
        var derived = PerMuCalculator.Derive(Create(), new ObservationSet([Obs("a", "tax", "2022-05", 6m)]), [Period.Parse("2022-05")]);
        Assert.Equal(1m, Assert.Single(derived).Value);
    }
}
