using System.Globalization;
using FunctionsZone.Core.Tables;

namespace FunctionsZone.Core.Evaluation;

/// <summary>亩均效益评价 scoring: Σ weight × value ÷ benchmark (县级公式), or weight share × [20 + 80 × (x − min)/(max − min)].</summary>
public enum PerMuMethod { Benchmark, MinMax }

public sealed record PerMuIndicator(string Indicator, string NameZh, double Weight, double Benchmark, bool HigherIsBetter = true, bool Illustrative = false);

/// <summary>Indicators, method and class shares (A ≤ 20%, D ≥ 5% as a rule; B's share of the rest is configurable).</summary>
public sealed record PerMuConfig
{
    public PerMuMethod Method { get; init; } = PerMuMethod.Benchmark;
    public required IReadOnlyList<PerMuIndicator> Indicators { get; init; }
    public double ShareA { get; init; } = 0.20;
    public double ShareB { get; init; } = 0.50;
    public double ShareD { get; init; } = 0.05;

    /// <summary>
    /// Enterprises: the published county formula's first two terms (亩均税收 ÷ 24.097 × 30 + 亩均增加值 ÷ 136.16 × 20);
    /// the other three benchmarks and weights are illustrative.
    /// </summary>
    public static PerMuConfig Enterprises { get; } = new()
    {
        Indicators =
        [
            new("tax_per_mu", "亩均税收", 30, 24.097), new("va_per_mu", "亩均增加值", 20, 136.16),
            new("va_per_energy", "单位能耗增加值", 20, 2.0, Illustrative: true), new("labour_productivity", "全员劳动生产率", 15, 30, Illustrative: true),
            new("rd_intensity", "研发经费投入强度", 15, 3.0, Illustrative: true),
        ],
    };

    /// <summary>Zones: the same two published terms; 亩均投资强度 and R&amp;D terms are illustrative.</summary>
    public static PerMuConfig Zones { get; } = new()
    {
        Indicators =
        [
            new("tax_per_mu", "亩均税收", 30, 24.097), new("va_per_mu", "亩均增加值", 20, 136.16),
            new("investment_per_mu", "亩均投资强度", 25, 300, Illustrative: true), new("rd_intensity", "研发经费投入强度", 25, 3.0, Illustrative: true),
        ],
    };
}

/// <summary>An enterprise or zone and its per-mu figures.</summary>
public sealed record PerMuUnit(string Id, string Name, IReadOnlyDictionary<string, double> Values);

public sealed record PerMuPart(string Indicator, double? Value, double Points);

public sealed record PerMuScore(string Id, string Name, double Score, int Rank, int Of, string Class, string ClassName, IReadOnlyList<PerMuPart> Parts);

public static class PerMuEvaluation
{
    public static readonly IReadOnlyDictionary<string, string> ClassNames = new Dictionary<string, string>
    {
        ["A"] = "优先发展", ["B"] = "支持发展", ["C"] = "提升发展", ["D"] = "限制发展",
    };

    /// <summary>Scores and classes; a missing value earns 0 points (benchmark) or the floor 20 × weight share (min-max: none).</summary>
    public static IReadOnlyList<PerMuScore> Evaluate(IReadOnlyList<PerMuUnit> units, PerMuConfig config)
    {
        var totalWeight = config.Indicators.Sum(i => i.Weight);
        var bounds = config.Indicators.ToDictionary(i => i.Indicator, i =>
        {
            var xs = units.Select(u => u.Values.TryGetValue(i.Indicator, out var v) ? v : double.NaN).Where(v => !double.IsNaN(v)).ToList();
            return xs.Count == 0 ? (0.0, 0.0) : (xs.Min(), xs.Max());
        });
        var scored = units.Select(u =>
        {
            var parts = config.Indicators.Select(i =>
            {
                double? x = u.Values.TryGetValue(i.Indicator, out var v) ? v : null;
                if (x is null) return new PerMuPart(i.Indicator, null, 0);
                double points;
                if (config.Method == PerMuMethod.Benchmark)
                    points = i.HigherIsBetter ? i.Weight * x.Value / i.Benchmark : (x.Value > 0 ? i.Weight * i.Benchmark / x.Value : i.Weight);
                else
                {
                    var (min, max) = bounds[i.Indicator];
                    var t = max == min ? 1 : (i.HigherIsBetter ? (x.Value - min) / (max - min) : (max - x.Value) / (max - min));
                    points = i.Weight / totalWeight * (20 + 80 * t);
                }
                return new PerMuPart(i.Indicator, x, Math.Round(points, 4));
            }).ToList();
            return (Unit: u, Score: Math.Round(parts.Sum(p => p.Points), 4), Parts: parts);
        }).OrderByDescending(x => x.Score).ThenBy(x => x.Unit.Id, StringComparer.Ordinal).ToList();
        var classes = Classify(scored.Select(s => s.Score).ToList(), config);
        var ranks = CompositeEngine.Ranks(scored.Select(s => s.Score).ToArray());
        return scored.Select((s, i) => new PerMuScore(s.Unit.Id, s.Unit.Name, s.Score, ranks[i]!.Value, scored.Count, classes[i], ClassNames[classes[i]], s.Parts)).ToList();
    }

    /// <summary>
    /// Classes for scores sorted best first: A = ⌊shareA × n⌋, D = ⌈shareD × n⌉, B = round(shareB × n), C the rest.
    /// Tied scores get one class: the lower one across the A/B line (so A stays ≤ its share) and across the C/D line
    /// (so D stays ≥ its share), the higher one across B/C.
    /// </summary>
    public static IReadOnlyList<string> Classify(IReadOnlyList<double> sortedScores, PerMuConfig config)
    {
        var n = sortedScores.Count;
        var nA = (int)Math.Floor(config.ShareA * n + 1e-9);
        var nD = Math.Min(n - nA, (int)Math.Ceiling(config.ShareD * n - 1e-9));
        var nB = Math.Min(n - nA - nD, (int)Math.Round(config.ShareB * n, MidpointRounding.AwayFromZero));
        var cls = Enumerable.Range(0, n).Select(i => i < nA ? 'A' : i < nA + nB ? 'B' : i < n - nD ? 'C' : 'D').ToArray();
        for (var i = 0; i < n; i++)
        {
            var tied = Enumerable.Range(0, n).Where(j => sortedScores[j] == sortedScores[i]).ToList();
            var set = tied.Select(j => cls[j]).Distinct().ToList();
            if (set.Count < 2) continue;
            var to = set.Contains('A') || set.Contains('D') ? set.Max() : set.Min();
            foreach (var j in tied) cls[j] = to;
        }
        return cls.Select(c => c.ToString()).ToList();
    }

    /// <summary>
    /// Reads per-enterprise figures: CSV enterprise,indicator,year,value,unit,source (long form, one figure a row).
    /// Names come from the roster (enterprises.csv: id,city,nameZh,source). Bad rows are named in the message.
    /// </summary>
    public static IReadOnlyList<PerMuUnit> ReadEnterprises(ITableFileReader tables, string figuresCsv, string? rosterCsv, int year)
    {
        var names = new Dictionary<string, string>();
        if (rosterCsv is not null)
            foreach (var r in tables.ReadRecords(rosterCsv, TableOptions.Exact).Records) names[r.Required("id") ?? ""] = r.Required("nameZh") ?? "";
        var values = new Dictionary<string, Dictionary<string, double>>();
        foreach (var r in tables.ReadRecords(figuresCsv, TableOptions.Exact).Records)
        {
            var yearText = r.Required("year");
            var valueText = r.Required("value");
            if (!int.TryParse(yearText, out var y) || !double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new InvalidDataException($"第 {r.Row} 行：年份「{yearText}」或数值「{valueText}」无法识别 / Row {r.Row}: year '{yearText}' or value '{valueText}' is not a number");
            if (y != year) continue;
            var id = r.Required("enterprise") ?? "";
            if (!values.TryGetValue(id, out var d)) values[id] = d = new Dictionary<string, double>();
            d[r.Required("indicator") ?? ""] = v;
        }
        return values.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new PerMuUnit(kv.Key, names.GetValueOrDefault(kv.Key, kv.Key), kv.Value)).ToList();
    }
}
