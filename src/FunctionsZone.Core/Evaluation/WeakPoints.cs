using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;

namespace FunctionsZone.Core.Evaluation;

/// <summary>
/// 短板: one indicator of a zone, its rank among the peers on that indicator alone, and the score points it costs
/// against the group median: pointsLost = 100 × wᵢ × (median vᵢ − v_zᵢ) ÷ Σw (the weights the zone is scored on).
/// </summary>
public sealed record WeakPoint(string Indicator, string Name, string Category, double? Value, string Unit, int? Rank, int Of,
    double? Normalised, double? GroupMedian, double? PointsLost, bool Weak);

public sealed record WeakPointReport(string Zone, string Name, string Scheme, string Period, double? Score, int? Rank, int Of,
    IReadOnlyList<WeakPoint> Indicators);

public static class WeakPoints
{
    /// <summary>Every indicator of the zone, worst first: a weak point ranks in the bottom half or costs points against the median.</summary>
    public static WeakPointReport For(CompositeInput input, string zone)
    {
        var z = input.IndexOfZone(zone);
        if (z < 0) throw new Registry.LookupException($"开发区 '{zone}' 不在方案「{input.Scheme.NameZh}」{input.Period} 期的比较组中 / Zone '{zone}' is not scored by scheme '{input.Scheme.Id}' for {input.Period}", "zone-not-in-scheme", zone);
        var s = input.Evaluate();
        var model = input.Model;
        var nc = model.Columns.Count;
        // Σw over the columns the zone is scored on (all of them under the zero rule).
        double sumW = 0;
        for (var c = 0; c < nc; c++)
            if (!double.IsNaN(input.Values[z][c]) || input.Scheme.Missing == MissingRule.Zero) sumW += model.Columns[c].Weight;
        var list = new List<WeakPoint>();
        for (var c = 0; c < nc; c++)
        {
            var col = model.Columns[c];
            var present = Enumerable.Range(0, input.Zones.Count).Where(i => !double.IsNaN(input.Values[i][c])).ToList();
            var ranks = CompetitionRanking.Rank(present, i => (decimal)input.Values[i][c], col.HigherIsBetter ? Direction.Higher : Direction.Lower)
                .ToDictionary(r => r.Item, r => r.Rank);
            var normalised = present.Select(i => s.Normalised[i][c]).Order().ToList();
            double? median = normalised.Count == 0 ? null : Median(normalised);
            var v = s.Normalised[z][c];
            var vz = double.IsNaN(v) ? (input.Scheme.Missing == MissingRule.Zero ? 0 : double.NaN) : v;
            double? lost = median is { } m && !double.IsNaN(vz) && sumW > 0 ? 100 * col.Weight * (m - vz) / sumW : null;
            int? rank = ranks.TryGetValue(z, out var r) ? r : null;
            list.Add(new WeakPoint(col.Key, col.NameZh, model.Categories[col.Category].NameZh,
                CompositeEvaluator.Round(input.Values[z][c], 6), input.Units?.GetValueOrDefault(col.Key) ?? "", rank, present.Count,
                CompositeEvaluator.Round(v, 6), median is { } md ? Math.Round(md, 6) : null, lost is { } l ? Math.Round(l, 4) : null,
                rank is null || rank > (present.Count + 1) / 2 || lost > 0));
        }
        return new WeakPointReport(input.Zones[z], input.Names[z], input.Scheme.Id, input.Period,
            CompositeEvaluator.Round(s.Score[z]), s.Rank[z], s.Rank.Count(x => x is not null),
            list.OrderByDescending(w => w.PointsLost ?? double.MaxValue).ThenByDescending(w => w.Rank ?? int.MaxValue).ToList());
    }

    public static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
