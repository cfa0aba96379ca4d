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
        Assert.Equal(7.5m, p.GapPoints);                  // the gap beside the status is the profile's that decides it
        Assert.Equal(5.8m, p.LinearGapPoints);            // the linear one is kept beside it
    }

    [Fact]
    public void Growth_is_achieved_growth_over_target_growth_with_no_time_progress_gap()
    {
        var set = new ObservationSet([Obs("import_export", May, 20m, 69.67m), Obs("invention_patents", May, 200m, -5m), Obs("invention_patents", Period.OfYear(2021), 212m),
            Obs("high_tech_firms", May, 45m, 32.4m), Obs("high_tech_firms", Period.OfYear(2021), 38m)]);
        var calc = new TargetCalculator(SeedData.Registry, set);
        var trade = calc.Compute(T("import_export", TargetKind.Growth, 50), May);
        // Reached in May, but a year's growth can still fall back: on track until December.
        Assert.Equal((139.3m, "on-track", "on-track", "growth"), (trade.Completion!.Value, trade.Status, trade.ProgressClass, trade.Judgement));
        Assert.Null(trade.GapPoints);
        Assert.Equal((19.67m, "个百分点"), (trade.DistanceToTarget!.Value, trade.DistanceUnit)); // 69.67 − 50
        var firms = calc.Compute(T("high_tech_firms", TargetKind.Growth, 100), May);
        // A stock grows from last year-end (38 → 45: +18.4%), not from May 2021 (the reported 32.4%).
        Assert.Equal((18.4m, 0.184m, "at-risk", -81.6m), (firms.Completion!.Value, firms.ProgressRatio!.Value, firms.Status, firms.DistanceToTarget!.Value));
        var down = calc.Compute(T("invention_patents", TargetKind.Growth, 100), May);
        Assert.Equal(("at-risk", "deteriorating"), (down.Status, down.ProgressClass));
    }

    [Fact]
    public void A_level_is_judged_from_last_year_ends_level_against_time_progress()
    {
        // 规上制造业企业: 102 at the end of 2021, 104 in May, 110 by December: (104 − 102) ÷ (110 − 102) = 25% of the way,
        // against 41.7% of the year: 16.7 个百分点 behind, R = 0.6 (must accelerate).
        var set = new ObservationSet([Obs("manufacturing_firms", Period.OfYear(2021), 102m), Obs("manufacturing_firms", May, 104m)]);
        var p = new TargetCalculator(SeedData.Registry, set).Compute(T("manufacturing_firms", TargetKind.Level, 110), May);
        Assert.Equal(("from-baseline", 102m, "2021"), (p.Judgement, p.Baseline!.Value, p.BaselinePeriod));
        Assert.Equal((25.0m, -16.7m, 0.6m, "behind", "must-accelerate"), (p.Completion!.Value, p.GapPoints!.Value, p.ProgressRatio!.Value, p.Status, p.ProgressClass));
        Assert.Equal((-6m, "家"), (p.DistanceToTarget!.Value, p.DistanceUnit));
        Assert.Equal(106.8m, p.Projection);               // 102 + 2 × 12 ÷ 5
        Assert.Equal(1m, p.MonthlyNeeded);                // (110 − 104) ÷ 7 = 0.86, a whole firm a month (issue 32 #2)
        // December of last year is the baseline when there is one: (104 − 100) ÷ (110 − 100) = 40%.
        set.Add(Obs("manufacturing_firms", Period.OfMonth(2021, 12), 100m));
        var q = new TargetCalculator(SeedData.Registry, set).Compute(T("manufacturing_firms", TargetKind.Level, 110), May);
        Assert.Equal((40.0m, "2021-12"), (q.Completion!.Value, q.BaselinePeriod));
    }

    [Fact]
    public void A_level_without_a_baseline_shows_only_its_distance_to_the_target()
    {
        // 外贸企业 86 of 100 in May, no year-end figure for 2021: 14 家 short, no 序时进度 gap, no pace judged.
        var p = new TargetCalculator(SeedData.Registry, new ObservationSet([Obs("foreign_trade_firms", May, 86m)])).Compute(T("foreign_trade_firms", TargetKind.Level, 100), May);
        Assert.Equal(("distance-to-target", -14m, "家", "below-target"), (p.Judgement, p.DistanceToTarget!.Value, p.DistanceUnit, p.Status));
        Assert.Null(p.GapPoints);
        Assert.Null(p.ProgressRatio);
        Assert.Equal(86.0m, p.Completion);
        Assert.Equal("none", p.TimeProgressBasis);
    }

    [Fact]
    public void A_share_is_its_distance_to_the_target_in_percentage_points()
    {
        // 十强产业占比 86.3% against 90%: 3.7 个百分点 short; never "54.2 points ahead of 序时进度".
        var set = new ObservationSet([Obs("top_ten_industry_share", May, 86.3m), Obs("top_ten_industry_share", Period.OfYear(2021), 66m)]);
        var p = new TargetCalculator(SeedData.Registry, set).Compute(T("top_ten_industry_share", TargetKind.Share, 90), May);
        Assert.Equal(("distance-to-target", -3.7m, "个百分点", "below-target"), (p.Judgement, p.DistanceToTarget!.Value, p.DistanceUnit, p.Status));
        Assert.Null(p.GapPoints);
        Assert.Null(p.Completion);
        var reached = new TargetCalculator(SeedData.Registry, new ObservationSet([Obs("top_ten_industry_share", May, 91m)])).Compute(T("top_ten_industry_share", TargetKind.Share, 90), May);
        Assert.Equal(("achieved", 1m), (reached.Status, reached.DistanceToTarget!.Value));
    }

    [Fact]
    public void A_milestone_shows_its_chinese_name()
    {
        var t = new Target { Zone = "lc-etdz", Indicator = "guaibao_listing", Year = 2022, Kind = TargetKind.Milestone, Value = 1, NameZh = "乖宝集团年底前上市" };
        var p = new TargetCalculator(SeedData.Registry, new ObservationSet([])).Compute(t, May);
        Assert.Equal(("乖宝集团年底前上市", "milestone", "no-data"), (p.Name, p.Judgement, p.Status));
        Assert.Null(p.GapPoints);
    }

    [Fact]
    public void Count_targets_count_dated_projects_in_their_year_and_list_undated_ones()
    {
        var seeds = ProjectRegistry.Read(new FunctionsZone.Formats.CsvTableReader(), File.ReadAllText(Path.Combine(SeedData.Folder, "projects.csv")));
        var calc = new TargetCalculator(SeedData.Registry, new ObservationSet([]), projects: seeds);
        // The speech dates none of its six projects: none is counted, the four of ≥ 10亿 are listed.
        var big = calc.Compute(T("projects_10yi", TargetKind.Count, 3), May);
        Assert.Equal((0m, "project-registry"), (big.Actual!.Value, big.ActualBasis));
        Assert.Equal(4, big.UndatedProjects!.Count);      // 20, 10, 18, 10.8亿; 敬业集团 states no investment
        var dated = ProjectRegistry.Read(new FunctionsZone.Formats.CsvTableReader(), """
            id,zone,nameZh,totalInvestment,unit,date
            a,lc-etdz,甲,12,亿元,2022-03
            b,lc-etdz,乙,2,亿元,2022
            c,lc-etdz,丙,15,亿元,2022-07
            d,lc-etdz,丁,30,亿元,2021-11
            e,lc-etdz,戊,11,亿元,
            """);
        var withDates = new TargetCalculator(SeedData.Registry, new ObservationSet([]), projects: dated);
        var ten = withDates.Compute(T("projects_10yi", TargetKind.Count, 3), May);
        Assert.Equal(1m, ten.Actual);                     // 甲 (March 2022); 丙 is July, 丁 is 2021, 戊 has no date
        Assert.Equal(["戊（11亿元）"], ten.UndatedProjects);
        var yi = withDates.Compute(T("projects_1yi", TargetKind.Count, 50), May);
        Assert.Equal((2m, 4.0m, -37.7m), (yi.Actual!.Value, yi.Completion!.Value, yi.GapPoints!.Value)); // 甲, 乙: 2 ÷ 50 = 4%, − 41.7
    }

    [Fact]
    public void Thresholds_are_configurable()
    {
        // 147.25 of 360 = 40.9%, R = 40.9 ÷ 41.67 = 0.98: on track by default (≥ 0.95), behind when on-track needs 0.99.
        var set = new ObservationSet([Obs("manufacturing_revenue", May, 147.25m)]);
        Assert.Equal("on-track", new TargetCalculator(SeedData.Registry, set).Compute(T("manufacturing_revenue", TargetKind.Cumulative, 360), May).Status);
        var strict = new TargetThresholds { OnTrack = 0.99m, Accelerate = 0.98m };
        Assert.Equal("behind", new TargetCalculator(SeedData.Registry, set, strict).Compute(T("manufacturing_revenue", TargetKind.Cumulative, 360), May).Status);
    }
}
