using CsCheck;
using FunctionsZone.Core.Evaluation;
using Xunit;

namespace FunctionsZone.Core.Tests.Evaluation;

/// <summary>Invariants of scoring and ranking, over random peer tables (CsCheck). Small integer values make ties common.</summary>
public sealed class CompositePropertyTests
{
    private static readonly Gen<int[]> Table = Gen.Int[0, 6].Array[6, 27].Select(a => a.Take(a.Length / 3 * 3).ToArray());
    private static readonly Gen<Normalisation> Method = Gen.Int[0, 4].Select(i => Examples.AllNormalisations[i]);
    private static readonly Gen<Aggregation> Agg = Gen.Int[0, 1].Select(i => (Aggregation)i);

    [Fact]
    public void Scores_and_ranks_do_not_depend_on_the_order_of_zones()
    {
        Gen.Select(Table, Method, Agg, Gen.Int).Sample((flat, n, a, seed) =>
        {
            var rows = Examples.Rows(flat);
            var rng = new Random(seed);
            var perm = Enumerable.Range(0, rows.Length).OrderBy(_ => rng.Next()).ToArray();
            var scheme = Examples.ThreeColumns(n, a);
            var s1 = Examples.Input(scheme, rows).Evaluate();
            var s2 = Examples.Input(scheme, perm.Select(i => rows[i]).ToArray()).Evaluate();
            for (var k = 0; k < perm.Length; k++)
            {
                Assert.Equal(s1.Rank[perm[k]], s2.Rank[k]);
                Assert.Equal(s1.Score[perm[k]], s2.Score[k], 9);
            }
        }, iter: 300);
    }

    [Fact]
    public void Equal_rows_tie_and_ranks_are_competition_ranks()
    {
        Gen.Select(Table, Method, Agg).Sample((flat, n, a) =>
        {
            var rows = Examples.Rows(flat).Append(Examples.Rows(flat)[0]).ToArray(); // zone 0 duplicated as the last zone
            var s = Examples.Input(Examples.ThreeColumns(n, a), rows).Evaluate();
            Assert.Equal(s.Rank[0], s.Rank[^1]);
            var rounded = s.Score.Select(x => Math.Round(x, 9)).ToArray();
            for (var i = 0; i < rows.Length; i++) Assert.Equal(1 + rounded.Count(x => x > rounded[i]), s.Rank[i]);
        }, iter: 300);
    }

    [Fact]
    public void Flipping_direction_and_sign_gives_the_same_scores()
    {
        Gen.Select(Table, Gen.Int[0, 3], Agg).Sample((flat, m, a) =>
        {
            var n = new[] { Normalisation.MinMax, Normalisation.ZScore, Normalisation.PercentileRank, Normalisation.DistanceToFrontier }[m];
            var rows = Examples.Rows(flat);
            var negated = rows.Select(r => new[] { r[0], -r[1], r[2] }).ToArray();
            var lower = Examples.Input(Examples.ThreeColumns(n, a, "lower"), rows).Evaluate();
            var higher = Examples.Input(Examples.ThreeColumns(n, a, "higher"), negated).Evaluate();
            for (var i = 0; i < rows.Length; i++) Assert.Equal(lower.Score[i], higher.Score[i], 9);
        }, iter: 300);
    }

    [Fact]
    public void Raising_a_higher_is_better_value_never_lowers_the_zones_score()
    {
        Gen.Select(Table, Method, Agg, Gen.Int[1, 5]).Sample((flat, n, a, step) =>
        {
            var rows = Examples.Rows(flat);
            var input = Examples.Input(Examples.ThreeColumns(n, a), rows);
            var before = input.Evaluate().Score;
            for (var z = 0; z < rows.Length; z++)
            {
                var raised = rows.Select(r => (double[])r.Clone()).ToArray();
                raised[z][0] += step;   // c0: higher is better
                raised[z][1] -= step;   // c1: lower is better, lowered
                var after = input.Evaluate(raised).Score;
                Assert.True(after[z] >= before[z] - 1e-9, $"zone {z}: {before[z]} → {after[z]}");
            }
        }, iter: 200);
    }

    [Fact]
    public void What_if_value_lifts_the_rank_and_anything_smaller_does_not()
    {
        Gen.Select(Table, Agg).Sample((flat, a) =>
        {
            var rows = Examples.Rows(flat);
            var input = Examples.Input(Examples.ThreeColumns(Normalisation.MinMax, a), rows);
            var ranks = input.Evaluate().Rank;
            for (var z = 0; z < rows.Length; z++)
            {
                if (ranks[z] is not { } r || r == 1) continue;
                var required = WhatIf.Required(input, z, 0, r - 1);
                if (required is null) continue;
                var at = rows.Select(x => (double[])x.Clone()).ToArray();
                at[z][0] = required.Value;
                Assert.True(input.Evaluate(at).Rank[z] <= r - 1, "the returned value must lift the rank");
                at[z][0] = required.Value - 1e-6 * Math.Max(1, Math.Abs(required.Value));
                if (at[z][0] > rows[z][0]) Assert.True(input.Evaluate(at).Rank[z] > r - 1, "a smaller value must not");
                Assert.True(required.Value > rows[z][0]);
            }
        }, iter: 150);
    }

    [Fact]
    public void Monte_carlo_is_reproducible_from_its_seed_and_order_free()
    {
        Gen.Select(Table, Gen.Int[1, 1000]).Sample((flat, seed) =>
        {
            var rows = Examples.Rows(flat);
            var input = Examples.Input(Examples.ThreeColumns(Normalisation.MinMax, Aggregation.Linear), rows);
            var a = MonteCarlo.Run(input, draws: 60, seed: seed);
            var b = MonteCarlo.Run(input, draws: 60, seed: seed);
            Assert.Equal(a, b);
            var reversed = Examples.Input(input.Scheme, rows.Reverse().ToArray());
            var c = MonteCarlo.Run(reversed, draws: 60, seed: seed);
            Assert.Equal(a, c.Reverse());
            Assert.All(a, x => Assert.True(x.P5 <= x.Median && x.Median <= x.P95));
        }, iter: 60);
    }
}
