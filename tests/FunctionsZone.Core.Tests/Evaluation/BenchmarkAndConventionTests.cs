using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Rankings;
using Xunit;

namespace FunctionsZone.Core.Tests.Evaluation;

/// <summary>docs/methods.md §8–§9: benchmarks, city shares, 个百分点 and growth reported vs computed.</summary>
public sealed class BenchmarkAndConventionTests
{
    [Fact]
    public void Ratios_are_said_as_the_speech_says_them()
    {
        Assert.Equal(("1/5", "仅为{peer}的五分之一"), (Benchmark.Describe(3.58m / 17.90m).Fraction, Benchmark.Describe(3.58m / 17.90m).Zh));
        Assert.Equal(("<1/3", "不足{peer}的三分之一"), (Benchmark.Describe(16.91m / 52m).Fraction, Benchmark.Describe(16.91m / 52m).Zh));
        Assert.Equal("×2.5", Benchmark.Describe(2.5m).Fraction);
        Assert.Equal("65.0%", Benchmark.Describe(0.65m).Fraction);
    }

    [Fact]
    public void Seed_benchmarks_per_mu_and_yantai_shares()
    {
        var p = Period.OfYear(2021);
        var tax = Benchmark.Compare(SeedData.Registry, SeedData.Observations, p, "lc-etdz", "邹城经开区", "亩均税收");
        Assert.Equal((3.58m, 17.90m, 0.2m, 20.0m), (Math.Round(tax.Value!.Value, 2), Math.Round(tax.PeerValue!.Value, 2), tax.Ratio!.Value, tax.PercentOf!.Value));
        var inv = Benchmark.Compare(SeedData.Registry, SeedData.Observations, p, "lc-etdz", "zoucheng-edz", "investment_per_mu");
        Assert.Equal((0.3252m, "<1/3"), (inv.Ratio!.Value, inv.Fraction));
        var shares = Benchmark.CityShares(SeedData.Registry, SeedData.Observations, p).Where(s => s.Zone == "yantai-etdz").ToDictionary(s => s.Indicator, s => s.SharePercent);
        Assert.Equal((81.5m, 83.0m), (shares["fdi_utilised"], shares["import_export"]));
    }

    [Fact]
    public void Percentage_point_difference_from_the_city()
    {
        var r = new RankingCalculator(SeedData.Registry, SeedData.Observations)
            .Compute(Period.OfMonth(2022, 5), SeedData.Registry.Indicator("private_investment_share"), SeedData.Registry.Group("liaocheng-city"), Measure.Level)!;
        Assert.Equal(28.9m, r.Entries.Single(e => e.Zone == "lc-etdz").DifferencePoints); // 85.6 − 56.7
    }

    [Fact]
    public void Growth_is_the_reported_rate_else_computed_and_flagged()
    {
        var now = Period.OfMonth(2022, 5);
        var set = new ObservationSet([
            new Observation { Zone = "a", Indicator = "retail_sales", Period = now, Value = 120m, Yoy = 15m },
            new Observation { Zone = "a", Indicator = "retail_sales", Period = now.YearBefore(), Value = 100m },
            new Observation { Zone = "b", Indicator = "retail_sales", Period = now, Value = 120m },
            new Observation { Zone = "b", Indicator = "retail_sales", Period = now.YearBefore(), Value = 100m },
        ]);
        var calc = new RankingCalculator(SeedData.Registry, set);
        var ind = SeedData.Registry.Indicator("retail_sales");
        Assert.Equal(new RankingCalculator.MeasuredValue(15m, "reported"), calc.ValueOf("a", ind, now, Measure.Growth));
        Assert.Equal(new RankingCalculator.MeasuredValue(20m, "computed"), calc.ValueOf("b", ind, now, Measure.Growth)); // (120 ÷ 100 − 1) × 100
    }
}
