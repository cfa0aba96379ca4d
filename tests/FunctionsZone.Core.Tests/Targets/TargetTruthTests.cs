using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Targets;
using FunctionsZone.Core.Tests.Evaluation;
using Xunit;

namespace FunctionsZone.Core.Tests.Targets;

/// <summary>docs/methods.md §7: 序时进度 linear and seasonal, SDG ratio and status, projection, monthly amount still needed.</summary>
public sealed class TargetTruthTests
{
    private static readonly Period May = Period.OfMonth(2022, 5);

    private static Observation Obs(string indicator, Period p, decimal value, decimal? yoy = null) =>
        new() { Zone = "lc-etdz", Indicator = indicator, Period = p, Value = value, Yoy = yoy };

    private static Target T(string indicator, TargetKind kind, decimal value) => new() { Zone = "lc-etdz", Indicator = indicator, Year = 2022, Kind = kind, Value = value };

    [Fact]
    public void Cumulative_target_against_linear_time_progress()
    {
        var calc = new TargetCalculator(SeedData.Registry, new ObservationSet([Obs("manufacturing_revenue", May, 147.25m)]));
        var p = calc.Compute(T("manufacturing_revenue", TargetKind.Cumulative, 310), May);
        Assert.Equal((47.5m, 41.7m, 5.8m), (p.Completion!.Value, p.TimeProgress, p.GapPoints!.Value));
        Assert.Equal("linear", p.TimeProgressBasis);
        Assert.Equal(1.14m, p.ProgressRatio);             // 47.5 ÷ 41.67
        Assert.Equal(("ahead", "on-track"), (p.Status, p.ProgressClass));
        Assert.Equal(353.4m, p.Projection);               // 147.25 × 12 ÷ 5
        Assert.Equal(114.0m, p.ProjectedCompletion);
        Assert.Equal(7, p.MonthsLeft);
        Assert.Equal(23.25m, p.MonthlyNeeded);            // (310 − 147.25) ÷ 7
    }

    [Fact]
    public void Seasonal_time_progress_from_last_years_profile()
    {
        var set = new ObservationSet([
            Obs("manufacturing_revenue", May, 147.25m),
            Obs("manufacturing_revenue", Period.OfMonth(2021, 5), 120m),
            Obs("manufacturing_revenue", Period.OfMonth(2021, 12), 300m),
        ]);
        var p = new TargetCalculator(SeedData.Registry, set).Compute(T("manufacturing_revenue", TargetKind.Cumulative, 310), May);
        Assert.Equal(40.0m, p.SeasonalTimeProgress);      // 120 ÷ 300
        Assert.Equal(7.5m, p.SeasonalGapPoints);          // 47.5 − 40.0
        Assert.Equal("seasonal", p.TimeProgressBasis);
        Assert.Equal(368.13m, p.Projection);              // 147.25 ÷ 0.40
        Assert.Equal(5.8m, p.GapPoints);                  // the linear gap stays as it was
    }

    [Fact]
    public void Growth_level_and_deteriorating()
    {
        var set = new ObservationSet([
            Obs("import_export", May, 20m, 69.67m), Obs("manufacturing_firms", May, 104m), Obs("invention_patents", May, 200m, -5m),
        ]);
        var calc = new TargetCalculator(SeedData.Registry, set);
        var growth = calc.Compute(T("import_export", TargetKind.Growth, 50), May);
        Assert.Equal((139.3m, "achieved", "reached"), (growth.Completion!.Value, growth.Status, growth.ProgressClass));
        var level = calc.Compute(T("manufacturing_firms", TargetKind.Level, 110), May);
        Assert.Equal((94.5m, 0.945m, "behind", "must-accelerate"), (level.Completion!.Value, level.ProgressRatio!.Value, level.Status, level.ProgressClass));
        Assert.Equal(0.86m, level.MonthlyNeeded);         // (110 − 104) ÷ 7
        var down = calc.Compute(T("invention_patents", TargetKind.Growth, 100), May);
        Assert.Equal(("at-risk", "deteriorating"), (down.Status, down.ProgressClass));
    }

    [Fact]
    public void Count_targets_read_the_project_registry_when_nothing_is_reported()
    {
        var projects = ProjectRegistry.Read(File.ReadAllText(Path.Combine(SeedData.Folder, "projects.csv")));
        var calc = new TargetCalculator(SeedData.Registry, new ObservationSet([]), projects: projects);
        var big = calc.Compute(T("projects_10yi", TargetKind.Count, 3), May);
        Assert.Equal((4m, "project-registry", "achieved"), (big.Actual!.Value, big.ActualBasis, big.Status)); // 20, 10, 18, 10.8亿
        var yi = calc.Compute(T("projects_1yi", TargetKind.Count, 50), May);
        Assert.Equal(5m, yi.Actual);                      // 敬业集团 states no investment: not counted
        Assert.Equal(("at-risk", "limited"), (yi.Status, yi.ProgressClass)); // 10% ÷ 41.7% = 0.24
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        var strict = new TargetThresholds { OnTrack = 0.99m, Accelerate = 0.98m };
        var calc = new TargetCalculator(SeedData.Registry, new ObservationSet([Obs("manufacturing_firms", May, 104m)]), strict);
        Assert.Equal("at-risk", calc.Compute(T("manufacturing_firms", TargetKind.Level, 110), May).Status);
    }
}
