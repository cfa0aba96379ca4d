using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Ingest.Validation;

namespace FunctionsZone.Core.Tests.Evaluation;

/// <summary>
/// Issue 30 item 10: what-if never proposes a value the validation rules refuse on import. 工业固体废物综合利用率 is a
/// share (share-0-100): 96.5% + 10% is 100, not 106.15; a place that needs more than 100% is unreachable, and says why.
/// </summary>
public sealed class WhatIfBoundsTests
{
    private static CompositeInput Input()
    {
        var scheme = new Scheme
        {
            Id = "green", NameZh = "绿色发展", Group = "g", Normalisation = Normalisation.MinMax, Aggregation = Aggregation.Linear,
            Missing = MissingRule.SkipRenormalise, MinCoverage = 0,
            Categories =
            [
                new SchemeCategory
                {
                    Id = "green", NameZh = "绿色", Weight = 1,
                    Indicators = [new SchemeIndicator { Indicator = "solid_waste_use", Weight = 0.3, Direction = "higher" },
                                  new SchemeIndicator { Indicator = "energy_per_va", Weight = 0.7, Direction = "lower" }],
                },
            ],
        };
        // 利用率 in %, 能耗 in 吨标准煤/万元, as a bureau's 绿色发展 table gives them; A is last and cleanest-but-one.
        double[][] values = [[96.5, 0.62], [99.9, 0.31], [99.2, 0.35], [98.0, 0.48], [97.1, 0.58]];
        var input = Examples.Input(scheme, values);
        return input with { Bounds = CompositeInput.BoundsFrom(input.Model, SeedData.Registry, ValidationRules.Default) };
    }

    [Fact]
    public void Improving_a_share_by_ten_percent_stops_at_100_and_names_the_rule()
    {
        var gains = WhatIf.BestSingle(Input(), "A", 10);
        var share = gains.Single(g => g.Indicator == "solid_waste_use");
        Assert.Equal((100.0, "share-0-100"), (share.Improved!.Value, share.CappedBy));
        Assert.All(gains, g => Assert.True(g.Improved is null or <= 100 and >= 0, $"{g.Indicator}: {g.Improved}"));
    }

    [Fact]
    public void The_single_indicator_what_if_never_asks_for_more_than_100_percent()
    {
        var r = WhatIf.Solve(Input(), "A", "solid_waste_use", places: 1, maxPlaces: 4);
        Assert.NotEmpty(r.Steps);
        Assert.All(r.Steps, s => Assert.True(s.Required is null or <= 100, $"place {s.TargetRank}: {s.Required}"));
        var unreachable = r.Steps.Where(s => s.Required is null).ToList();
        Assert.NotEmpty(unreachable);
        Assert.All(unreachable, s => Assert.Contains("share-0-100", s.Unreachable));
        Assert.Contains("无法达到", unreachable[0].Unreachable);
        Assert.Contains("unreachable", unreachable[0].Unreachable);
    }

    [Fact]
    public void The_bound_is_the_import_rules_own()
    {
        var b = ValidationRules.Default.BoundsOf(SeedData.Registry.Indicator("solid_waste_use"));
        Assert.Equal((0m, 100m, "share-0-100"), (b.Min!.Value, b.Max!.Value, b.MaxRule!.Id));
        var growth = ValidationRules.Default.BoundsOf(SeedData.Registry.Indicator("fdi_utilised"), "yoy");
        Assert.Equal((-100m, 1000m), (growth.Min!.Value, growth.Max!.Value));
    }
}
