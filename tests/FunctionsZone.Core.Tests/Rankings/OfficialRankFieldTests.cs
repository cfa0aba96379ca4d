using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Tests.Evaluation;
using FunctionsZone.Core.Tests.Ingest;

namespace FunctionsZone.Core.Tests.Rankings;

/// <summary>
/// Issue 30 item 7: a rank carries its field (rank, of, scope), a move is given only between comparable fields, the
/// evaluation year and the data year are apart; growth on a zero or negative base says why it is not ranked.
/// Data: Corpus/issue30 — 商务部's 2023 evaluation (230 zones, 2022 data), Jiangsu's 9 zones of its top 30.
/// </summary>
public sealed class OfficialRankFieldTests
{
    private static string Corpus(string file) => File.ReadAllText(Path.Combine(Repo.Root, "tests", "FunctionsZone.Core.Tests", "Corpus", "issue30", file));

    private static readonly ZoneRegistry Jiangsu = new(RegistryFiles.ReadZones(Corpus("jiangsu-zones.json")), [], []);

    private static IReadOnlyList<OfficialRank> Read(string file)
    {
        var findings = new List<Finding>();
        var ranks = ReferenceFileReader.ReadOfficialRanks(new FunctionsZone.Formats.CsvTableReader(), Corpus(file), Jiangsu, findings);
        Assert.Empty(findings);
        return ranks;
    }

    [Fact]
    public void A_partial_list_is_ranked_within_the_national_field_and_keeps_both_years()
    {
        var ranks = Read("national-2023-jiangsu-top30.csv");
        Assert.Equal(9, ranks.Count);
        Assert.All(ranks, r => Assert.Equal((230, 2023, 2022), (r.Of, r.Year, r.DataYear!.Value)));
        Assert.Equal([1, 4, 8, 14, 19, 21, 25, 28, 29], ranks.Select(r => r.Rank));
        // An older file without dataYear: the evaluation of year N scored year N − 1.
        var old = Read("national-2021-jiangsu-top30.csv");
        Assert.All(old, r => Assert.Equal(2020, OfficialRank.DataYearOf(r)));
        Assert.Equal(2020, OfficialRank.DataYearOf(old[0] with { DataYear = null }));
    }

    [Fact]
    public void Nanjing_fell_from_12th_to_14th_and_never_prints_up_8()
    {
        var previous = Read("national-2022-nanjing.csv");
        // The list entered as 1–9 "of 9": 南京 4 of 9 against 12 of 217 is not comparable, never ↑8.
        var wrong = OfficialRankMove.FromRanks([.. previous, .. Read("national-2023-jiangsu-as-of-9.csv")]).Single(m => m.Zone == "nj-etdz" && m.Year == 2023);
        Assert.Null(wrong.Move);
        Assert.Equal((12, 217, 4, 9), (wrong.PreviousRank!.Value, wrong.PreviousOf!.Value, wrong.Rank, wrong.Of));
        Assert.Contains("不可比", wrong.NotComparableZh);
        Assert.Contains("not comparable", wrong.NotComparableEn);
        // Entered as published, 14 of 230: down 2 (a field grown from 217 to 230 by new zones is the same field).
        var right = OfficialRankMove.FromRanks([.. previous, .. Read("national-2023-jiangsu-top30.csv")]).Single(m => m.Zone == "nj-etdz" && m.Year == 2023);
        Assert.Equal((-2, (string?)null), (right.Move!.Value, right.NotComparableZh));
    }

    [Fact]
    public void A_different_scope_is_not_comparable_even_at_one_size()
    {
        var a = new OfficialRank { Zone = "nj-etdz", Evaluation = "national", Year = 2022, Rank = 4, Of = 30, Field = "江苏省开发区" };
        var b = a with { Year = 2023, Rank = 3, Field = "全国国家级经开区" };
        var m = OfficialRankMove.FromRanks([a, b]).Last();
        Assert.Null(m.Move);
        Assert.Contains("江苏省开发区", m.NotComparableZh);
        // The seed's 国评 215 → 217 stays comparable: 提升了76个位次.
        var seed = OfficialRankMove.FromRanks(SeedData.Official).Single(x => x is { Zone: "lc-etdz", Evaluation: "national", Year: 2021 });
        Assert.Equal(76, seed.Move);
    }

    [Fact]
    public void A_file_that_ranks_one_field_at_two_sizes_or_one_zone_twice_is_refused_row_by_row()
    {
        var findings = new List<Finding>();
        var text = Corpus("national-2023-jiangsu-top30.csv") + "南京经开区,national,2023,2022,4,9,全国国家级经开区,错录\n";
        var ranks = ReferenceFileReader.ReadOfficialRanks(new FunctionsZone.Formats.CsvTableReader(), text, Jiangsu, findings);
        Assert.Equal(9, ranks.Count);
        Assert.Equal(("duplicate-rank", 11), (findings[0].Code, findings[0].Row!.Value));
        findings.Clear();
        var mixed = "zone,evaluation,year,rank,of\n苏州工业园区,national,2023,1,230\n南京经开区,national,2023,4,9\n";
        ReferenceFileReader.ReadOfficialRanks(new FunctionsZone.Formats.CsvTableReader(), mixed, Jiangsu, findings);
        var f = Assert.Single(findings);
        Assert.Equal(("field-size-differs", 3), (f.Code, f.Row!.Value));
        Assert.Contains("230", f.MessageZh);
    }

    [Fact]
    public void Growth_on_a_zero_or_negative_base_says_why_it_is_not_ranked()
    {
        var registry = new ZoneRegistry(
            [new Zone { Id = "a", NameZh = "甲区", Groups = ["g"] }, new Zone { Id = "b", NameZh = "乙区", Groups = ["g"] },
             new Zone { Id = "c", NameZh = "丙区", Groups = ["g"] }, new Zone { Id = "d", NameZh = "丁区", Groups = ["g"] }],
            [new Group { Id = "g", NameZh = "某市" }],
            [new Indicator { Code = "profit", NameZh = "规上工业利润总额", Unit = "亿元", Kind = IndicatorKind.Ytd },
             new Indicator { Code = "new_firms", NameZh = "新增企业", Unit = "家", Kind = IndicatorKind.Ytd }]);
        Observation O(string zone, string ind, string period, decimal v) => new() { Zone = zone, Indicator = ind, Period = Period.Parse(period), Value = v };
        var set = new ObservationSet([
            O("a", "profit", "2022-05", 3m), O("a", "profit", "2021-05", 2m),
            O("b", "profit", "2022-05", 1.2m), O("b", "profit", "2021-05", -0.8m),     // 扭亏
            O("c", "profit", "2022-05", -0.5m), O("c", "profit", "2021-05", -0.9m),    // still a loss
            O("d", "profit", "2022-05", 0.4m), O("d", "profit", "2021-05", 0m),        // base zero
            O("a", "new_firms", "2022-05", 5m), O("a", "new_firms", "2021-05", -1m),  // a revised negative base
            O("c", "new_firms", "2022-05", 6m), O("c", "new_firms", "2021-05", 4m),
        ]);
        var calc = new RankingCalculator(registry, set);
        var r = calc.Compute(Period.Parse("2022-05"), registry.Indicator("profit"), registry.Group("g"), Measure.Growth)!;
        string? Why(string zone) => r.Entries.Single(e => e.Zone == zone).NotRankedReason;
        Assert.Equal((1, (string?)null), (r.Entries.Single(e => e.Zone == "a").Rank!.Value, Why("a")));
        Assert.Equal(("turned-profit", "base-negative", "base-zero"), (Why("b"), Why("c"), Why("d")));
        Assert.Equal("扭亏为盈", r.Entries.Single(e => e.Zone == "b").NotRankedReasonZh);
        var firms = calc.Compute(Period.Parse("2022-05"), registry.Indicator("new_firms"), registry.Group("g"), Measure.Growth)!;
        Assert.Equal(("turned-positive", "由负转正"), (firms.Entries.Single(e => e.Zone == "a").NotRankedReason, firms.Entries.Single(e => e.Zone == "a").NotRankedReasonZh));
        // A zone without this year's figure has no reason: it is simply not there.
        Assert.Null(firms.Entries.Single(e => e.Zone == "b").NotRankedReason);
    }
}
