using FunctionsZone.Core.Evaluation;
using Xunit;

namespace FunctionsZone.Core.Tests.Evaluation;

/// <summary>The worked examples of docs/methods.md §1–§5, number for number.</summary>
public sealed class CompositeWorkedExampleTests
{
    private const int Digits = 4;

    [Fact]
    public void Min_max_normalisation_flips_lower_is_better()
    {
        Assert.Equal([0, 0.5, 1], Normaliser.Normalise([10, 20, 30], Normalisation.MinMax, true));
        Assert.Equal([0, 1, 0.5], Normaliser.Normalise([5, 3, 4], Normalisation.MinMax, false));
    }

    [Fact]
    public void Z_score_percentile_frontier_and_target()
    {
        // Sample sd √(200/2) = 10: z = −1, 0, 1; the population sd √(200/3) = 8.165 gives ±1.2247.
        Assert.Equal([-1, 0, 1], Normaliser.Normalise([10, 20, 30], Normalisation.ZScore, true));
        var zp = Normaliser.Normalise([10, 20, 30], Normalisation.ZScorePopulation, true);
        Assert.Equal(-1.2247, zp[0], Digits);
        Assert.Equal(1.2247, zp[2], Digits);
        Assert.Equal([0, 0.5, 1], Normaliser.Normalise([10, 20, 30], Normalisation.PercentileRank, true));
        // Ties share: 10, 20, 20, 30 → 0, 0.5, 0.5, 1.
        Assert.Equal([0, 0.5, 0.5, 1], Normaliser.Normalise([10, 20, 20, 30], Normalisation.PercentileRank, true));
        // COINr n_prank: ties share the lower value, (rank − 1)/(n − 1) with ties = "min": 0, 1/3, 1/3, 1.
        Assert.Equal([0, 1 / 3.0, 1 / 3.0, 1], Normaliser.Normalise([10, 20, 20, 30], Normalisation.PercentileRankMin, true));
        // Distance to a fixed frontier 40 and worst 0: 1 − (40 − 30)/(40 − 0) = 0.75.
        Assert.Equal(0.75, Normaliser.Normalise([10, 20, 30], Normalisation.DistanceToFrontier, true, frontier: 40, worst: 0)[2], Digits);
        // Distance to target 25: 10/25 = 0.4, 20/25 = 0.8, capped at 1.
        Assert.Equal([0.4, 0.8, 1], Normaliser.Normalise([10, 20, 30], Normalisation.DistanceToTarget, true, target: 25));
        // From the group's minimum (COINr n_dist2targ): (x − 10)/(25 − 10) = 0, 2/3, 1 (capped; uncapped 4/3).
        Assert.Equal([0, 2 / 3.0, 1], Normaliser.Normalise([10, 20, 30], Normalisation.DistanceToTargetFromMin, true, target: 25), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(4 / 3.0, Normaliser.Normalise([10, 20, 30], Normalisation.DistanceToTargetFromMin, true, target: 25, capAtTarget: false)[2], 12);
    }

    [Fact]
    public void Linear_composite_scores_ranks_and_contributions()
    {
        var s = Examples.Input(Examples.TwoIndicators(), Examples.AbcValues).Evaluate();
        Assert.Equal([0, 70, 80], s.Score.Select(x => Math.Round(x, Digits)));
        Assert.Equal([3, 2, 1], s.Rank.Select(r => r!.Value));
        Assert.Equal(60, s.Contribution[2][0], Digits);
        Assert.Equal(20, s.Contribution[2][1], Digits);
    }

    [Fact]
    public void Geometric_composite_floors_zero_at_epsilon()
    {
        var s = Examples.Input(Examples.TwoIndicators(a: Aggregation.Geometric), Examples.AbcValues).Evaluate();
        Assert.Equal(1, s.Score[0], Digits);        // 100 × 0.01
        Assert.Equal(65.9754, s.Score[1], Digits);  // 100 × 0.5^0.6
        Assert.Equal(75.7858, s.Score[2], Digits);  // 100 × 0.5^0.4
    }

    [Fact]
    public void Missing_value_skip_and_renormalise_or_zero()
    {
        double[][] values = [[10, 5], [20, double.NaN], [30, 4]];
        var skip = Examples.Input(Examples.TwoIndicators(), values).Evaluate();
        Assert.Equal(50, skip.Score[1], Digits);   // 100 × 0.6 × 0.5 / 0.6
        Assert.Equal(100, skip.Score[2], Digits);  // x2 over A and C only: C = 1
        var zero = Examples.Input(Examples.TwoIndicators(m: MissingRule.Zero), values).Evaluate();
        Assert.Equal(30, zero.Score[1], Digits);   // 100 × (0.6 × 0.5 + 0.4 × 0) / 1
    }

    [Fact]
    public void Competition_ranking_1_2_2_4()
    {
        Assert.Equal([1, 2, 2, 4], CompositeEngine.Ranks([90, 80, 80, 70]).Select(r => r!.Value));
        Assert.Equal([null, 1], CompositeEngine.Ranks([double.NaN, 5]));
    }

    [Fact]
    public void Weak_points_cost_points_against_the_median()
    {
        var r = WeakPoints.For(Examples.Input(Examples.TwoIndicators(), Examples.AbcValues), "A");
        var x1 = r.Indicators.Single(w => w.Indicator == "x1");
        var x2 = r.Indicators.Single(w => w.Indicator == "x2");
        Assert.Equal(30, x1.PointsLost!.Value, Digits); // 100 × 0.6 × (0.5 − 0)
        Assert.Equal(20, x2.PointsLost!.Value, Digits); // 100 × 0.4 × (0.5 − 0)
        Assert.Equal((3, 3), (x1.Rank!.Value, x2.Rank!.Value));
        Assert.Equal("x1", r.Indicators[0].Indicator);
        Assert.All(r.Indicators, w => Assert.True(w.Weak));
    }

    /// <summary>
    /// Issue 32 item 2: 失分 is computed once, here, and is never negative — C is the best on x1, above the median, and loses
    /// nothing there (the portal showed "Points lost -1.1" for an indicator that gains).
    /// </summary>
    [Fact]
    public void Points_lost_are_never_negative_above_the_median_they_are_zero()
    {
        var input = Examples.Input(Examples.TwoIndicators(), Examples.AbcValues);
        foreach (var zone in new[] { "A", "B", "C" })
            Assert.All(WeakPoints.For(input, zone).Indicators, w => Assert.True(w.PointsLost >= 0, $"{zone} {w.Indicator}: {w.PointsLost}"));
        var c = WeakPoints.For(input, "C");
        Assert.Equal(0, c.Indicators.Single(w => w.Indicator == "x1").PointsLost!.Value, Digits); // was 100 × 0.6 × (0.5 − 1) = −30
        Assert.Equal(0, c.TotalPointsLost, Digits);
    }

    [Fact]
    public void Weak_points_are_few_and_say_how_they_were_chosen()
    {
        var input = Examples.Input(Examples.TwoIndicators(), Examples.AbcValues);
        var all = WeakPoints.For(input, "A");
        Assert.Equal((50, 50, 2), (all.TotalPointsLost, all.WeakPointsLost, all.WeakCount)); // 30 < 40: x2 is taken too
        var half = WeakPoints.For(input, "A", new WeakPointRule { ShareOfLoss = 0.5 });
        Assert.Equal(["x1"], half.Indicators.Where(w => w.Weak).Select(w => w.Indicator)); // 30 ≥ 25
        Assert.Contains("50%", half.SelectionZh);
        var one = WeakPoints.For(input, "A", new WeakPointRule { MaxCount = 1 });
        Assert.Equal((1, 30), (one.WeakCount, one.WeakPointsLost));
        Assert.Contains("at most 1", one.SelectionEn);
        // C is the best on x1 and above the median on x2: it loses nothing, so it has no weak point.
        var c = WeakPoints.For(input, "C");
        Assert.Equal(0, c.WeakCount);
    }

    [Fact]
    public void What_if_B_needs_x1_of_70_over_3_to_draw_level_with_C()
    {
        var input = Examples.Input(Examples.TwoIndicators(), Examples.AbcValues);
        var required = WhatIf.Required(input, 1, 0, 1)!.Value;
        Assert.Equal(70.0 / 3, required, 5); // 3(x − 10) + 40 = 80
        var r = WhatIf.Solve(input, "B", "x1");
        Assert.Equal(20, r.Current);
        Assert.Equal(1, r.Places);
        Assert.True(r.Required >= required);
        // A on x2 alone (lower is better): at y < 3, A's v2 = 1 and B's v2 = (4 − 3)/(4 − y), so A = 40 and
        // B = 30 + 40/(4 − y): they tie only at y = 0, the floor of a lower-is-better amount.
        Assert.Equal(0, WhatIf.Required(input, 0, 1, 2)!.Value, 6);
        // C's x1 cannot lift anyone but C; A cannot reach first place on x2: B's 70 → at best 30 + 10 = 40 < C's 60.
        Assert.Null(WhatIf.Required(input, 0, 1, 1));
    }

    [Fact]
    public void Best_single_indicator_improved_by_a_percentage()
    {
        var gains = WhatIf.BestSingle(Examples.Input(Examples.TwoIndicators(), Examples.AbcValues), "B", 20);
        // x1 20 → 24: 3 × 14 + 40 = 82 > 80, first. x2 3 → 2.4 leaves B's x2 at 1 (already the best): no gain.
        Assert.Equal(("x1", 1), (gains[0].Indicator, gains[0].Gain));
        Assert.Equal(0, gains.Single(g => g.Indicator == "x2").Gain);
    }

    [Fact]
    public void Monte_carlo_nearest_rank_percentiles()
    {
        var sorted = Enumerable.Range(1, 20).ToList();
        Assert.Equal(1, MonteCarlo.Percentile(sorted, 5));   // ⌈0.05 × 20⌉ = 1st
        Assert.Equal(10, MonteCarlo.Percentile(sorted, 50)); // ⌈0.5 × 20⌉ = 10th
        Assert.Equal(19, MonteCarlo.Percentile(sorted, 95)); // ⌈0.95 × 20⌉ = 19th
    }

    [Fact]
    public void Official_rank_is_scaled_onto_the_official_field()
    {
        Assert.Equal(113, CompositeEvaluator.Scale(16, 30, 217)); // 1 + round(15/29 × 216) = 1 + 112
        Assert.Equal(1, CompositeEvaluator.Scale(1, 30, 217));
        Assert.Equal(217, CompositeEvaluator.Scale(30, 30, 217));
    }
}
