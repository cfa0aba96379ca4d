using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;

namespace FunctionsZone.Core.Evaluation;

/// <summary>Runs a scheme over its input: scores, category sub-scores, Monte Carlo intervals and the official ranks beside them.</summary>
public static class CompositeEvaluator
{
    public static CompositeResult Evaluate(CompositeInput input, IEnumerable<OfficialRank> officialRanks, int? draws = null)
    {
        var scheme = input.Scheme;
        var model = input.Model;
        var s = input.Evaluate();
        var intervals = MonteCarlo.Run(input, draws);
        var of = s.Rank.Count(r => r is not null);
        var periodYear = Period.Parse(input.Period).Year;
        var official = officialRanks.Where(o => scheme.Evaluation is not null && string.Equals(o.Evaluation, scheme.Evaluation, StringComparison.OrdinalIgnoreCase) && o.Year <= periodYear)
            .GroupBy(o => o.Zone, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.Year).First(), StringComparer.OrdinalIgnoreCase);

        var catRanks = Enumerable.Range(0, model.Categories.Count)
            .Select(k => CompositeEngine.Ranks(s.CategoryScore.Select(row => row[k]).ToArray(), model.RankDecimals)).ToArray();
        var catOf = catRanks.Select(r => r.Count(x => x is not null)).ToArray();

        var zones = new List<CompositeZone>();
        for (var z = 0; z < input.Zones.Count; z++)
        {
            official.TryGetValue(input.Zones[z], out var o);
            int? scaled = o is not null && s.Rank[z] is { } rank ? Scale(rank, of, o.Of) : null;
            zones.Add(new CompositeZone
            {
                Zone = input.Zones[z], Name = input.Names[z],
                Score = Round(s.Score[z]), Rank = s.Rank[z], Of = of,
                MedianRank = intervals[z].Median, RankP5 = intervals[z].P5, RankP95 = intervals[z].P95,
                OfficialRank = o?.Rank, OfficialOf = o?.Of, OfficialYear = o?.Year,
                ScaledRank = scaled, DifferenceFromOfficial = scaled - o?.Rank,
                Categories = model.Categories.Select((c, k) => new CategoryScore(c.Id, c.NameZh, Round(s.CategoryScore[z][k]), catRanks[k][z], catOf[k],
                    c.Parent < 0 ? null : model.Categories[c.Parent].Id, c.Depth + 1)).ToList(),
                Indicators = model.Columns.Select((c, i) => new IndicatorScore(c.Key, Round(input.Values[z][i], 6), Round(s.Normalised[z][i], 6), Round(s.Contribution[z][i]))).ToList(),
            });
        }
        return new CompositeResult
        {
            Scheme = scheme.Id, SchemeName = scheme.NameZh, Evaluation = scheme.Evaluation, Period = input.Period,
            SchemeVersion = input.SchemeVersion, SchemeSha256 = input.SchemeSha256,
            Group = scheme.Group ?? "", GroupName = input.GroupName,
            Normalisation = scheme.Normalisation, Aggregation = scheme.Aggregation, Missing = scheme.Missing, Note = scheme.Note,
            Draws = draws ?? scheme.Uncertainty.Draws, Seed = scheme.Uncertainty.Seed, WeightRange = scheme.Uncertainty.WeightRange,
            Indicators = model.Columns.Select(c => new CompositeIndicatorInfo(c.Key, c.Indicator, c.NameZh, model.Categories[c.Category].Id,
                model.Categories[c.Category].NameZh, Math.Round(c.Weight, 6), c.HigherIsBetter ? "higher" : "lower",
                input.Units?.GetValueOrDefault(c.Key) ?? "")).ToList(),
            Categories = model.Categories.Select((c, k) => new CompositeCategoryInfo(c.Id, c.NameZh, c.Parent < 0 ? null : model.Categories[c.Parent].Id, c.Depth + 1,
                Math.Round(model.Columns.Where(col => col.Path.Contains(k)).Sum(col => col.Weight), 6))).ToList(),
            Zones = zones.OrderBy(z => z.Rank ?? int.MaxValue).ThenBy(z => z.Zone, StringComparer.Ordinal).ToList(),
            Definition = scheme,
        };
    }

    /// <summary>Maps rank r of n onto a field of m: 1 + round((r − 1)/(n − 1) × (m − 1)); r of 1 → 1.</summary>
    public static int Scale(int rank, int of, int officialOf) =>
        of <= 1 ? 1 : 1 + (int)Math.Round((rank - 1) / (double)(of - 1) * (officialOf - 1), MidpointRounding.AwayFromZero);

    public static double? Round(double v, int decimals = 4) => double.IsNaN(v) ? null : Math.Round(v, decimals);
}
