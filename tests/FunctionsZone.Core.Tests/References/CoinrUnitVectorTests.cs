using System.Text.Json;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Tests.References;

namespace FunctionsZone.Core.Tests.References;

/// <summary>
/// COINr's own test vectors (coinr-unit-tests/cases.json, from tests/testthat of bluefoxr/COINr) where FunctionsZone
/// has the same method. Cases that do not apply (harmonic and generalised means with p ≠ 1, outranking, Copeland) are
/// listed in docs/methods.md §11; the last test keeps that list honest against the file.
/// </summary>
public sealed class CoinrUnitVectorTests
{
    private static readonly JsonElement Cases = ReferenceCases.Json("coinr-unit-tests/cases.json");
    private const double Tolerance = 1e-9;

    [Fact]
    public void Distance_to_target_from_min_reproduces_n_dist2targ_with_and_without_the_cap()
    {
        foreach (var c in Cases.GetProperty("n_dist2targ").EnumerateArray())
        {
            var x = ReferenceCases.Numbers(c.GetProperty("x"));
            var higher = c.GetProperty("direction").GetString() == "higher";
            var got = Normaliser.Normalise(x, Normalisation.DistanceToTargetFromMin, higher, target: c.GetProperty("target").GetDouble(),
                capAtTarget: c.GetProperty("cap_max").GetBoolean());
            Assert.Equal(ReferenceCases.Numbers(c.GetProperty("expected")), got, (a, b) => Math.Abs(a - b) < Tolerance);
        }
    }

    [Fact]
    public void The_handbook_ratio_x_over_T_agrees_with_n_dist2targ_only_where_the_minimum_is_0_and_the_cap_is_on()
    {
        var c = Cases.GetProperty("n_dist2targ")[1];
        Assert.True(c.GetProperty("cap_max").GetBoolean());
        var got = Normaliser.Normalise(ReferenceCases.Numbers(c.GetProperty("x")), Normalisation.DistanceToTarget, true, target: c.GetProperty("target").GetDouble());
        Assert.Equal(ReferenceCases.Numbers(c.GetProperty("expected")), got, (a, b) => Math.Abs(a - b) < Tolerance);
        // Lower-is-better: x/T becomes T/x (0/−1 …), COINr measures from the group's maximum; they differ.
        var lower = Cases.GetProperty("n_dist2targ")[3];
        var ratio = Normaliser.Normalise(ReferenceCases.Numbers(lower.GetProperty("x")), Normalisation.DistanceToTarget, false, target: 0);
        Assert.NotEqual(ReferenceCases.Numbers(lower.GetProperty("expected")), ratio);
    }

    [Fact]
    public void Goalposts_are_distance_to_a_fixed_frontier_clamped()
    {
        foreach (var c in Cases.GetProperty("n_goalposts").EnumerateArray())
        {
            var posts = ReferenceCases.Numbers(c.GetProperty("goalposts"));
            var higher = c.GetProperty("direction").GetString() == "higher";
            // COINr's goalposts (lower, upper): the frontier is the upper post for higher-is-better, the lower one otherwise.
            var (frontier, worst) = higher ? (posts[1], posts[0]) : (posts[0], posts[1]);
            foreach (var method in new[] { Normalisation.Goalposts, Normalisation.DistanceToFrontier })
            {
                var v = Normaliser.Normalise([c.GetProperty("x").GetDouble()], method, higher, frontier: frontier, worst: worst)[0];
                Assert.Equal(c.GetProperty("expected").GetDouble(), v * c.GetProperty("scale").GetDouble(), Tolerance);
            }
        }
    }

    [Fact]
    public void Weighted_geometric_mean_and_its_error_for_non_positive_values()
    {
        foreach (var c in Cases.GetProperty("a_gmean").EnumerateArray())
        {
            var x = ReferenceCases.Numbers(c.GetProperty("x"));
            double[]? w = c.TryGetProperty("w", out var wj) && wj.ValueKind == JsonValueKind.Array ? ReferenceCases.Numbers(wj) : null;
            if (c.GetProperty("expected").ValueKind == JsonValueKind.String)
                Assert.Throws<ArgumentOutOfRangeException>(() => CompositeEngine.WeightedMean(x, w, Aggregation.Geometric));
            else
                Assert.Equal(c.GetProperty("expected").GetDouble(), CompositeEngine.WeightedMean(x, w, Aggregation.Geometric), Tolerance);
        }
    }

    [Fact]
    public void Weighted_arithmetic_mean_of_the_a_amean_example_and_the_generalised_mean_at_p_1()
    {
        var doc = Cases.GetProperty("a_amean_doc_example");
        Assert.Equal(doc.GetProperty("expected").GetDouble(),
            CompositeEngine.WeightedMean(ReferenceCases.Numbers(doc.GetProperty("x")), ReferenceCases.Numbers(doc.GetProperty("w")), Aggregation.Linear), Tolerance);
        var p1 = Cases.GetProperty("a_genmean").EnumerateArray().Single(c => c.GetProperty("p").GetDouble() == 1);
        Assert.Equal(p1.GetProperty("expected").GetDouble(), CompositeEngine.WeightedMean(ReferenceCases.Numbers(p1.GetProperty("x")), null, Aggregation.Linear), Tolerance);
    }

    [Fact]
    public void Data_availability_threshold_is_min_coverage_with_skip_and_renormalise()
    {
        var c = Cases.GetProperty("aggregate_dat_thresh_vignette");
        var data = c.GetProperty("data");
        var columns = data.EnumerateObject().Select(p => ReferenceCases.Numbers(p.Value)).ToList();
        var weights = ReferenceCases.Numbers(c.GetProperty("w"));
        var threshold = c.GetProperty("dat_thresh").GetDouble();
        var expected = ReferenceCases.Numbers(c.GetProperty("expected"));
        for (var row = 0; row < expected.Length; row++)
        {
            var values = columns.Select(col => col[row]).ToArray();
            var got = CompositeInput.IsCovered(values, weights, threshold) ? CompositeEngine.WeightedMean(values, weights, Aggregation.Linear) : double.NaN;
            if (double.IsNaN(expected[row])) Assert.True(double.IsNaN(got), $"row {row + 1}: {got}, expected NA");
            else Assert.Equal(expected[row], got, 6); // the vignette prints 7 significant figures
        }
    }

    [Fact]
    public void Every_case_in_the_file_is_either_checked_here_or_listed_as_not_applying()
    {
        string[] applied = ["n_dist2targ", "n_goalposts", "a_gmean", "a_amean_doc_example", "a_genmean", "aggregate_dat_thresh_vignette"];
        string[] notApplying = ["a_hmean", "outrankMatrix", "copeland_tie"]; // no harmonic mean, outranking or Copeland in FunctionsZone
        var inFile = Cases.EnumerateObject().Select(p => p.Name).Where(n => !n.EndsWith("_note", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(applied.Concat(notApplying).Order(), inFile);
    }
}
