using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Targets;
using static FunctionsZone.Core.Tests.TestRegistry;

namespace FunctionsZone.Core.Tests.Targets;

public class TargetCalculatorTests
{
    private static TargetProgress Progress(Target target, params Observation[] obs) =>
        new TargetCalculator(Create(), new ObservationSet(obs)).Compute(target, Period.Parse("2022-05"));

    [Fact]
    public void Time_progress_at_the_end_of_May_is_five_twelfths()
    {
        Assert.Equal(41.7m, TimeProgress.Round(TimeProgress.Linear(Period.Parse("2022-05"))));
        Assert.Equal(100m, TimeProgress.Linear(Period.Parse("2022-12")));
        Assert.Equal(100m, TimeProgress.Linear(Period.Parse("2022")));
    }

    [Fact]
    public void An_amount_at_47_5_percent_after_May_is_5_8_points_ahead()
    {
        // DOMAIN.md: 47.5 − 41.7 ≈ 6 个百分点 (5.8 from the unrounded 41.67)
        var p = Progress(new Target { Zone = "a", Indicator = "revenue", Year = 2022, Kind = TargetKind.Cumulative, Value = 310m }, Obs("a", "revenue", "2022-05", 147.25m));
        Assert.Equal(47.5m, p.Completion);
        Assert.Equal(41.7m, p.TimeProgress);
        Assert.Equal(5.8m, p.GapPoints);
        Assert.Equal("ahead", p.Status);
    }

    [Fact]
    public void A_growth_target_compares_growth_with_growth()
    {
        // 进出口 +69.67% against a +50% target: 139.3%, on track (a year's growth is achieved only when the year is done).
        var p = Progress(new Target { Zone = "a", Indicator = "revenue", Year = 2022, Kind = TargetKind.Growth, Value = 50m }, Obs("a", "revenue", "2022-05", 20m, yoy: 69.67m));
        Assert.Equal(69.67m, p.Actual);
        Assert.Equal(139.3m, p.Completion);
        Assert.Equal("on-track", p.Status);
        Assert.Equal("reported-yoy", p.ActualBasis);
    }

    [Fact]
    public void Behind_time_progress_is_a_negative_gap()
    {
        var p = Progress(new Target { Zone = "a", Indicator = "revenue", Year = 2022, Kind = TargetKind.Cumulative, Value = 40m }, Obs("a", "revenue", "2022-05", 15.2m));
        Assert.Equal(38m, p.Completion);
        Assert.Equal(-3.7m, p.GapPoints);
        Assert.Equal("behind", p.Status);
    }

    [Fact]
    public void No_actual_means_no_completion_rather_than_zero()
    {
        var p = Progress(new Target { Zone = "a", Indicator = "revenue", Year = 2022, Kind = TargetKind.Cumulative, Value = 40m });
        Assert.Null(p.Completion);
        Assert.Equal("no-data", p.Status);
    }
}
