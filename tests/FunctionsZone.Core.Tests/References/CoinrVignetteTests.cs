using FunctionsZone.Core.Evaluation;
using FunctionsZone.Tests.References;

namespace FunctionsZone.Core.Tests.References;

/// <summary>
/// COINr's rendered vignette outputs over ASEM_iData (coinr-asem-raw): min-max, the z-score with R's sample sd, and
/// Borda scores (= percentile-rank-min × (n − 1)); and the min-max columns of the harmonic-mean example.
/// </summary>
public sealed class CoinrVignetteTests
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Data = ReferenceCases.Csv("coinr-asem-raw/asem_idata.csv");

    private static double[] Column(string name) => Data.Select(r => ReferenceCases.Number(r[name])).ToArray();

    private static Dictionary<string, double> ByUnit(double[] values) =>
        Data.Select((r, i) => (r["uCode"], values[i])).ToDictionary(x => x.Item1, x => x.Item2);

    [Fact]
    public void Normalise_vignette_min_max_sample_z_score_and_borda()
    {
        var expected = ReferenceCases.Csv("coinr-asem-raw/expected_normalise_vignette.csv");
        Assert.Equal(10, expected.Count);
        var ship = ByUnit(Normaliser.Normalise(Column("Ship"), Normalisation.MinMax, true));
        var flights = ByUnit(Normaliser.Normalise(Column("Flights"), Normalisation.ZScore, true));
        var lpi = Column("LPI");
        var borda = ByUnit(Normaliser.Normalise(lpi, Normalisation.PercentileRankMin, true).Select(v => v * (lpi.Count(x => !double.IsNaN(x)) - 1)).ToArray());
        foreach (var row in expected)
        {
            var unit = row["uCode"];
            AssertPrinted(ReferenceCases.Number(row["Ship_minmax_0_100"]), ship[unit] * 100, 5, $"Ship {unit}");
            AssertPrinted(ReferenceCases.Number(row["Flights_zscore_mean10_sd2"]), 10 + 2 * flights[unit], 6, $"Flights {unit}");
            Assert.Equal(ReferenceCases.Number(row["LPI_borda"]), borda[unit], 9);
        }
    }

    [Fact]
    public void The_population_sd_z_score_is_the_named_alternative_and_differs_by_the_root_of_n_over_n_minus_1()
    {
        var x = Column("Flights");
        var n = x.Count(v => !double.IsNaN(v));
        var sample = Normaliser.Normalise(x, Normalisation.ZScore, true);
        var population = Normaliser.Normalise(x, Normalisation.ZScorePopulation, true);
        for (var i = 0; i < x.Length; i++) Assert.Equal(sample[i] * Math.Sqrt(n / (n - 1.0)), population[i], 12);
    }

    [Fact]
    public void Min_max_columns_of_the_harmonic_mean_example_on_a_1_to_100_scale()
    {
        // X <- ASEM_iData[12:15], rows 1–5 in data-file order; n_minmax(l_u = c(1, 100)) over all 51 units = 1 + 99 × min-max.
        var expected = ReferenceCases.Csv("coinr-asem-raw/expected_hmean_vignette_first5.csv");
        foreach (var name in new[] { "LPI", "Flights", "Ship", "Bord" })
        {
            var v = Normaliser.Normalise(Column(name), Normalisation.MinMax, true);
            foreach (var row in expected)
            {
                var i = int.Parse(row["row_in_ASEM_iData"]) - 1;
                var want = ReferenceCases.Number(row[$"{name}_minmax_1_100"]);
                Assert.True(SameToSignificantFigures(want, 1 + 99 * v[i], 3), $"{name} row {i + 1}: {1 + 99 * v[i]} vs printed {want}");
            }
        }
    }

    /// <summary>A value printed to d decimals: the computed one lies within half a unit of its last digit.</summary>
    private static void AssertPrinted(double printed, double value, int decimals, string what) =>
        Assert.True(Math.Abs(printed - value) <= 0.5 * Math.Pow(10, -decimals) + 1e-12, $"{what}: computed {value}, printed {printed}");

    private static bool SameToSignificantFigures(double printed, double value, int figures)
    {
        if (printed == 0) return Math.Abs(value) < 1e-9;
        var scale = Math.Pow(10, figures - 1 - (int)Math.Floor(Math.Log10(Math.Abs(printed))));
        return Math.Abs(Math.Round(value * scale) - Math.Round(printed * scale)) < 1e-9;
    }
}
