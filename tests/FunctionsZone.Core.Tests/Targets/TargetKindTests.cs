using FunctionsZone.Core.Briefing;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Targets;
using FunctionsZone.Core.Tests.Evaluation;
using FunctionsZone.Core.Tests.Ingest;

namespace FunctionsZone.Core.Tests.Targets;

/// <summary>
/// Issue 30 item 5: targets judged by what the indicator is, on the bureau's targets file
/// (tests/FunctionsZone.Core.Tests/Corpus/issue30/targets-2022-every-kind.csv) and the seed's figures of 2022-05.
/// </summary>
public sealed class TargetKindTests
{
    private static readonly Period May = Period.OfMonth(2022, 5);

    private static string Corpus(string file) => File.ReadAllText(Path.Combine(Repo.Root, "tests", "FunctionsZone.Core.Tests", "Corpus", "issue30", file));

    private static IReadOnlyList<Target> ReadTargets(string csv, List<Finding> findings) => ReferenceFileReader.ReadTargets(new FunctionsZone.Formats.CsvTableReader(), csv, SeedData.Registry, findings);

    private static IReadOnlyList<TargetProgress> Progress(Period asOf, ObservationSet? set = null)
    {
        var findings = new List<Finding>();
        var targets = ReadTargets(Corpus("targets-2022-every-kind.csv"), findings);
        Assert.Empty(findings);
        return new TargetCalculator(SeedData.Registry, set ?? SeedData.Observations).Compute(targets, asOf);
    }

    /// <summary>The briefing's 年度目标 section over these rows, as the snapshot would carry them.</summary>
    private static string Briefing(ObservationSet set, IReadOnlyList<TargetProgress> rows, string lang)
    {
        var data = new BriefingData
        {
            Latest = new SnapshotPointer { Version = "test", Path = "versions/test/", ContentHash = "", CreatedAt = DateTimeOffset.UnixEpoch, Periods = ["2022-05"] },
            Registry = SeedData.Registry, Zone = SeedData.Registry.Zone("lc-etdz"), Period = May, Rankings = [],
            Observations = set.All.Where(o => o.Period == May).ToList(), Targets = rows, Official = [],
        };
        return string.Join("\n", TargetsSection.Build(new BriefingContext(data, BriefingTemplate.Load(lang))).Paragraphs);
    }

    [Fact]
    public void A_growth_target_on_a_growth_rate_is_judged_in_percentage_points()
    {
        // 规上工业增加值增长8%; the seed's 1-5月 增速 is 9.5% (11.2% a year before): 高于目标1.5个百分点, never −15.18.
        var va = Progress(May).Single(p => p.Indicator == "industrial_va_growth");
        Assert.Equal((9.5m, "reported-rate", "growth-points"), (va.Actual!.Value, va.ActualBasis, va.Judgement));
        Assert.Equal((1.5m, "个百分点"), (va.DistanceToTarget!.Value, va.DistanceUnit));
        Assert.Null(va.GapPoints);
        Assert.Equal("on-track", va.Status);                      // reached, but the year has not ended
    }

    [Fact]
    public void The_briefing_says_it_as_the_bureau_does()
    {
        var rows = Progress(May);
        var text = Briefing(SeedData.Observations, rows, "zh");
        Assert.Contains("规上工业增加值增长9.5%，高于目标1.5个百分点", text);
        Assert.DoesNotContain("15.1786", text);
        var en = Briefing(SeedData.Observations, rows, "en");
        Assert.Contains("grew 9.5%, 1.5 percentage points above the target", en);
    }

    [Fact]
    public void A_growth_rate_that_fell_keeps_its_sign_in_words()
    {
        var set = new ObservationSet([new Observation { Zone = "lc-etdz", Indicator = "industrial_va_growth", Period = May, Value = -2.3m }]);
        var row = Progress(May, set).Single(p => p.Indicator == "industrial_va_growth");
        Assert.Equal((-10.3m, "below-target"), (row.DistanceToTarget!.Value, row.Status));
        var text = Briefing(set, [row], "zh");
        Assert.Contains("规上工业增加值下降2.3%，低于目标10.3个百分点", text);
    }

    [Fact]
    public void A_stocks_growth_runs_from_last_year_end()
    {
        // 高新技术企业增长100%: 38 at the end of 2021, 45 in May → +18.4%, not the 32.4% against May 2021.
        var firms = Progress(May).Single(p => p.Indicator == "high_tech_firms");
        Assert.Equal((18.4m, "growth-since-last-year-end", 38m, "2021"), (firms.Actual!.Value, firms.ActualBasis, firms.Baseline!.Value, firms.BaselinePeriod));
        Assert.Equal("growth", firms.Judgement);
    }

    [Fact]
    public void Two_kinds_of_target_on_one_indicator_are_both_kept_and_two_of_one_kind_refused()
    {
        var findings = new List<Finding>();
        var targets = ReadTargets(Corpus("targets-2022-every-kind.csv"), findings);
        Assert.Empty(findings);
        Assert.Equal(10, targets.Count);                          // every row of the file, 固投 twice
        Assert.Equal([TargetKind.Growth, TargetKind.Cumulative], targets.Where(t => t.Indicator == "fixed_asset_investment").Select(t => t.Kind));
        Assert.Equal(targets.Count, targets.Select(Target.KeyOf).Distinct().Count()); // the storage key keeps each

        var doubled = Corpus("targets-2022-every-kind.csv") + "聊城经开区,固定资产投资,2022,cumulative,220,亿元,illustrative,固定资产投资\n";
        var again = ReadTargets(doubled, findings);
        var f = Assert.Single(findings);
        Assert.Equal(("duplicate-target", 12, "fixed_asset_investment"), (f.Code, f.Row!.Value, f.Indicator));
        Assert.Contains("第 4 行", f.MessageZh);                   // names the row it repeats
        Assert.Equal(10, again.Count);                            // the refused row is not counted as if imported
    }

    [Fact]
    public void The_status_and_the_gap_beside_it_come_from_one_time_progress()
    {
        // 1-5月 119亿 of 310亿 = 38.4%: 3.3 个百分点 behind linear 41.7%; last year's 1-5月 were 100 of 300 (33.3%), so on
        // last year's profile it is 5.1 ahead. The status follows the profile; the gap shown is the profile's.
        var set = new ObservationSet([
            new Observation { Zone = "lc-etdz", Indicator = "manufacturing_revenue", Period = May, Value = 119m },
            new Observation { Zone = "lc-etdz", Indicator = "manufacturing_revenue", Period = Period.OfMonth(2021, 5), Value = 100m },
            new Observation { Zone = "lc-etdz", Indicator = "manufacturing_revenue", Period = Period.OfMonth(2021, 12), Value = 300m },
        ]);
        var p = Progress(May, set).Single(r => r.Indicator == "manufacturing_revenue");
        Assert.Equal(("seasonal", 5.1m, -3.3m, "ahead"), (p.TimeProgressBasis, p.GapPoints!.Value, p.LinearGapPoints!.Value, p.Status));
        Assert.Equal(p.GapPoints >= 0, p.Status is "ahead" or "achieved");
        var text = Briefing(set, [p], "zh");
        Assert.Contains("快于按上年进度折算的序时进度5.1个百分点", text);
    }

    [Fact]
    public void A_years_growth_target_is_on_track_in_May_and_achieved_only_when_the_year_is_done()
    {
        var set = new ObservationSet([
            new Observation { Zone = "lc-etdz", Indicator = "industrial_va_growth", Period = May, Value = 9.5m },
            new Observation { Zone = "lc-etdz", Indicator = "industrial_va_growth", Period = Period.OfMonth(2022, 12), Value = 8.7m },
        ]);
        Assert.Equal("on-track", Progress(May, set).Single(p => p.Indicator == "industrial_va_growth").Status);
        var december = Progress(Period.OfMonth(2022, 12), set).Single(p => p.Indicator == "industrial_va_growth");
        Assert.Equal(("achieved", 0.7m), (december.Status, december.DistanceToTarget!.Value));
    }

    /// <summary>docs/methods.md §8's worked examples of targets by kind are the figures this file computes.</summary>
    [Fact]
    public void The_methods_doc_gives_these_figures()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "methods.md"));
        foreach (var text in new[] { "高于目标1.5个百分点", "(45 ÷ 38 − 1) × 100 = **18.4%**", "`duplicate-target`", "5.1 个百分点", "−3.3" })
            Assert.Contains(text, doc);
    }
}
