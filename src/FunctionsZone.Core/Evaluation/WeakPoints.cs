using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;

namespace FunctionsZone.Core.Evaluation;

/// <summary>
/// 短板: one indicator of a zone, its rank among the peers on that indicator alone, and the score points it costs
/// against the group median: pointsLost = 100 × wᵢ × max(0, median vᵢ − v_zᵢ) ÷ Σw (the weights the zone is scored on);
/// above the median nothing is lost, so 失分 is never negative.
/// </summary>
public sealed record WeakPoint(string Indicator, string Name, string Category, double? Value, string Unit, int? Rank, int Of,
    double? Normalised, double? GroupMedian, double? PointsLost, bool Weak);

/// <summary>
/// A zone's indicators worst first, the few marked weak, and how they were chosen: the rule, the points all indicators
/// lose against the median, what the weak ones lose, and that choice in words (zh / en).
/// </summary>
public sealed record WeakPointReport(string Zone, string Name, string Scheme, string Period, double? Score, int? Rank, int Of,
    IReadOnlyList<WeakPoint> Indicators)
{
    public WeakPointRule? Rule { get; init; }
    public double TotalPointsLost { get; init; }
    public double WeakPointsLost { get; init; }
    public int WeakCount { get; init; }
    public string? SelectionZh { get; init; }
    public string? SelectionEn { get; init; }
    public string SchemeName { get; init; } = "";
    public string SchemeNameEn { get; init; } = "";

    /// <summary>The weak ones, worst first: the 短板 list every face shows.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public IEnumerable<WeakPoint> Weak => Indicators.Where(w => w.Weak);
}

public static class WeakPoints
{
    /// <summary>
    /// Every indicator of the zone, worst first. The weak points are few: the indicators that lose the most points
    /// against the group median, taken in that order until they account for rule.ShareOfLoss of all the points lost,
    /// never more than rule.MaxCount (the scheme's weakPoints unless given).
    /// </summary>
    public static WeakPointReport For(CompositeInput input, string zone, WeakPointRule? rule = null)
    {
        var z = input.IndexOfZone(zone);
        if (z < 0) throw new Registry.LookupException($"开发区 '{zone}' 不在方案「{input.Scheme.NameZh}」{input.Period} 期的比较组中 / Zone '{zone}' is not scored by scheme '{input.Scheme.Id}' for {input.Period}", "zone-not-in-scheme", zone);
        var s = input.Evaluate();
        return Report(input, s, Peers(input, s), z, rule ?? input.Scheme.WeakPoints);
    }

    /// <summary>
    /// 短板 of every zone a composite scores, by the scheme's rule: the one computation publish stores in each zone page
    /// (ZonePage.WeakPoints), which the portal, the API, fz and the briefing read. The scheme is evaluated once.
    /// </summary>
    public static IReadOnlyList<WeakPointReport> ForAll(CompositeInput input)
    {
        var s = input.Evaluate();
        var peers = Peers(input, s);
        return Enumerable.Range(0, input.Zones.Count).Select(z => Report(input, s, peers, z, input.Scheme.WeakPoints)).ToList();
    }

    /// <summary>Per column: each zone's competition rank on that column alone, the number ranked and the group median of v.</summary>
    private sealed record ColumnPeers(Dictionary<int, int> Ranks, int Count, double? Median);

    private static ColumnPeers[] Peers(CompositeInput input, CompositeScores s) =>
        input.Model.Columns.Select((col, c) =>
        {
            var present = Enumerable.Range(0, input.Zones.Count).Where(i => !double.IsNaN(input.Values[i][c])).ToList();
            var ranks = CompetitionRanking.Rank(present, i => (decimal)input.Values[i][c], col.HigherIsBetter ? Direction.Higher : Direction.Lower)
                .ToDictionary(r => r.Item, r => r.Rank);
            var normalised = present.Select(i => s.Normalised[i][c]).Order().ToList();
            return new ColumnPeers(ranks, present.Count, normalised.Count == 0 ? null : Median(normalised));
        }).ToArray();

    private static WeakPointReport Report(CompositeInput input, CompositeScores s, ColumnPeers[] peers, int z, WeakPointRule chosen)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
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
            var median = peers[c].Median;
            var v = s.Normalised[z][c];
            var vz = double.IsNaN(v) ? (input.Scheme.Missing == MissingRule.Zero ? 0 : double.NaN) : v;
            // 失分 is what the zone loses below the median; above it nothing is lost (never a negative 失分 on any face).
            double? lost = median is { } m && !double.IsNaN(vz) && sumW > 0 ? 100 * col.Weight * Math.Max(0, m - vz) / sumW : null;
            int? rank = peers[c].Ranks.TryGetValue(z, out var r) ? r : null;
            list.Add(new WeakPoint(col.Key, col.NameZh, model.Categories[col.Category].NameZh,
                CompositeEvaluator.Round(input.Values[z][c], 6), input.Units?.GetValueOrDefault(col.Key) ?? "", rank, peers[c].Count,
                CompositeEvaluator.Round(v, 6), median is { } md ? Math.Round(md, 6) : null, lost is { } l ? Math.Round(l, 4) : null, false));
        }
        var ordered = list.OrderByDescending(w => w.PointsLost ?? double.MinValue).ThenByDescending(w => w.Rank ?? int.MaxValue).ToList();
        var total = ordered.Where(w => w.PointsLost > 0).Sum(w => w.PointsLost!.Value);
        double taken = 0;
        var weak = 0;
        for (var i = 0; i < ordered.Count && weak < chosen.MaxCount && ordered[i].PointsLost > 0 && taken < chosen.ShareOfLoss * total - 1e-12; i++)
        {
            taken += ordered[i].PointsLost!.Value;
            ordered[i] = ordered[i] with { Weak = true };
            weak++;
        }
        var share = total > 0 ? taken / total : 0;
        return new WeakPointReport(input.Zones[z], input.Names[z], input.Scheme.Id, input.Period,
            CompositeEvaluator.Round(s.Score[z]), s.Rank[z], s.Rank.Count(x => x is not null), ordered)
        {
            SchemeName = input.Scheme.NameZh, SchemeNameEn = input.Scheme.NameEn,
            Rule = chosen, TotalPointsLost = Math.Round(total, 4), WeakPointsLost = Math.Round(taken, 4), WeakCount = weak,
            SelectionZh = total <= 0
                ? "没有指标低于组中位数，无短板"
                : string.Create(inv, $"按较组中位数失分从多到少选取，直至累计失分达到全部失分的 {chosen.ShareOfLoss * 100:0.#}%，至多 {chosen.MaxCount} 项：短板 {weak} 项，失 {taken:0.##} 分，占全部失分 {total:0.##} 分的 {share * 100:0.#}%"),
            SelectionEn = total <= 0
                ? "No indicator is below the group median: no weak points"
                : string.Create(inv, $"Worst first by points lost against the group median, until {chosen.ShareOfLoss * 100:0.#}% of all points lost, at most {chosen.MaxCount}: {weak} weak points losing {taken:0.##} of {total:0.##} points ({share * 100:0.#}%)"),
        };
    }

    public static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
