using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Tables;
using FunctionsZone.Formats;
using Xunit;

namespace FunctionsZone.Core.Tests.Evaluation;

/// <summary>docs/methods.md §6: 亩均效益 scores and classes.</summary>
public sealed class PerMuEvaluationTests
{
    private static readonly ITableFileReader Tables = new CsvTableReader();

    private static readonly PerMuConfig TwoTerms = new()
    {
        Indicators = [new("tax_per_mu", "亩均税收", 30, 24.097), new("va_per_mu", "亩均增加值", 20, 136.16)],
    };

    [Fact]
    public void Benchmark_score_is_weight_times_value_over_benchmark()
    {
        var s = PerMuEvaluation.Evaluate([new PerMuUnit("e", "e", new Dictionary<string, double> { ["tax_per_mu"] = 24.097, ["va_per_mu"] = 68.08 })], TwoTerms);
        Assert.Equal(40, s[0].Score, 4); // 24.097 ÷ 24.097 × 30 + 68.08 ÷ 136.16 × 20 = 30 + 10
    }

    [Fact]
    public void Min_max_score_runs_from_20_to_100()
    {
        var one = new PerMuConfig { Method = PerMuMethod.MinMax, Indicators = [new("tax_per_mu", "亩均税收", 1, 1)] };
        var units = new[] { 10.0, 20, 30 }.Select((x, i) => new PerMuUnit($"u{i}", $"u{i}", new Dictionary<string, double> { ["tax_per_mu"] = x })).ToList();
        Assert.Equal([100, 60, 20], PerMuEvaluation.Evaluate(units, one).Select(s => s.Score));
    }

    [Fact]
    public void Classes_follow_the_shares_A_at_most_20_D_at_least_5_percent()
    {
        var scores = Enumerable.Range(0, 10).Select(i => 100.0 - i).ToList();
        Assert.Equal(["A", "A", "B", "B", "B", "B", "B", "C", "C", "D"], PerMuEvaluation.Classify(scores, TwoTerms));
        // A tie across the A/B line goes down to B; a tie across the C/D line goes down to D.
        double[] tied = [100, 90, 90, 80, 70, 60, 50, 40, 30, 30];
        Assert.Equal(["A", "B", "B", "B", "B", "B", "B", "C", "D", "D"], PerMuEvaluation.Classify(tied, TwoTerms));
    }

    [Fact]
    public void Seed_enterprises_get_classes_and_guaibao_is_A()
    {
        var figures = File.ReadAllText(Path.Combine(SeedData.Folder, "enterprises-permu.csv"));
        var roster = File.ReadAllText(Path.Combine(SeedData.Folder, "enterprises.csv"));
        var s = PerMuEvaluation.Evaluate(PerMuEvaluation.ReadEnterprises(Tables, figures, roster, 2021), PerMuConfig.Enterprises);
        Assert.Equal(20, s.Count);
        Assert.Equal(4, s.Count(x => x.Class == "A"));
        Assert.True(s.Count(x => x.Class == "D") >= 1);
        Assert.Equal("A", s.Single(x => x.Name == "乖宝宠物食品集团股份有限公司").Class);
    }

    [Fact]
    public void A_bad_row_is_named()
    {
        var e = Assert.Throws<InvalidDataException>(() => PerMuEvaluation.ReadEnterprises(Tables, "enterprise,indicator,year,value,unit,source\n2461,tax_per_mu,2021,abc,万元/亩,x\n", null, 2021));
        Assert.Contains("abc", e.Message);
        Assert.Contains("Row 2", e.Message);
    }
}
