namespace FunctionsZone.Core.Evaluation;

/// <summary>The value an indicator must reach to lift the zone by Places, the others held fixed; Required is null when no value does.</summary>
public sealed record WhatIfStep(int Places, int TargetRank, double? Required, double? Change, double? ChangePercent);

public sealed record WhatIfResult(string Zone, string Name, string Scheme, string Period, string Indicator, string IndicatorName, string Unit,
    double? Current, int? Rank, int Of, double? Required, int Places, IReadOnlyList<WhatIfStep> Steps, string? Note);

/// <summary>One indicator improved by a percentage, and the places that gains.</summary>
public sealed record WhatIfGain(string Indicator, string Name, double? Current, double? Improved, int? RankBefore, int? RankAfter, int Gain);

/// <summary>
/// What-if on the composite (docs/methods.md §4): the smallest improvement of one indicator that lifts the zone's rank
/// by k places. The composite is recomputed in full at each trial value (the normalisation moves with it), the bound is
/// found by doubling the step, then bisection narrows it to a relative tolerance; the returned value does reach the rank.
/// </summary>
public static class WhatIf
{
    private const int Bisections = 200;

    public static WhatIfResult Solve(CompositeInput input, string zone, string indicator, int places = 1, int maxPlaces = 3)
    {
        var (z, c) = Locate(input, zone, indicator);
        var col = input.Model.Columns[c];
        var baseScores = input.Evaluate();
        var rank0 = baseScores.Rank[z];
        var of = baseScores.Rank.Count(r => r is not null);
        var current = input.Values[z][c];
        var steps = new List<WhatIfStep>();
        string? note = null;
        if (rank0 is null) note = "该区无综合得分 / the zone has no composite score";
        else if (rank0 == 1) note = "已列第1 / already first";
        else
        {
            for (var k = 1; k <= Math.Min(Math.Max(maxPlaces, places), rank0.Value - 1); k++)
            {
                var target = rank0.Value - k;
                var req = Required(input, z, c, target);
                double? change = req is { } r && !double.IsNaN(current) ? r - current : null;
                steps.Add(new WhatIfStep(k, target, RoundToward(req, col.HigherIsBetter), Round(change),
                    change is { } ch && current != 0 && !double.IsNaN(current) ? Math.Round(ch / Math.Abs(current) * 100, 2) : null));
            }
            if (steps.Count > 0 && steps[0].Required is null) note = $"单靠「{col.NameZh}」无法提升位次 / improving {col.Key} alone cannot lift the rank";
        }
        var chosen = steps.FirstOrDefault(st => st.Places == places);
        return new WhatIfResult(input.Zones[z], input.Names[z], input.Scheme.Id, input.Period, col.Key, col.NameZh,
            input.Units?.GetValueOrDefault(col.Key) ?? "", Round(current), rank0, of, chosen?.Required, chosen?.Places ?? places, steps, note);
    }

    /// <summary>The smallest (largest, for lower-is-better) value of column c at which zone z ranks targetRank or better; null when none does.</summary>
    public static double? Required(CompositeInput input, int z, int c, int targetRank)
    {
        var col = input.Model.Columns[c];
        var sign = col.HigherIsBetter ? 1.0 : -1.0;
        var values = input.Values.Select(r => (double[])r.Clone()).ToArray();
        var current = values[z][c];
        var others = Enumerable.Range(0, values.Length).Where(i => i != z && !double.IsNaN(values[i][c])).Select(i => values[i][c]).ToList();
        var all = others.Append(double.IsNaN(current) ? others.DefaultIfEmpty(0).Min() : current).ToList();
        var range = all.Max() - all.Min();
        var scale = Math.Max(range, Math.Max(Math.Abs(all.Max()), 1e-6));
        // A missing value starts from the group's worst, which is where "missing" already places it at best.
        var start = double.IsNaN(current) ? (col.HigherIsBetter ? all.Min() : all.Max()) : current;
        bool Reaches(double x)
        {
            values[z][c] = x;
            var r = input.Evaluate(values).Rank[z];
            return r is { } rr && rr <= targetRank;
        }
        if (Reaches(start) && !double.IsNaN(current)) return current;
        // Lower-is-better amounts (energy, emissions per unit) stop at 0 unless already negative.
        var floor = !col.HigherIsBetter && start >= 0 ? 0.0 : double.NegativeInfinity;
        double lo = start, hi = double.NaN, step = scale / 64;
        for (var i = 0; i < 40; i++)
        {
            var x = start + sign * step;
            if (!col.HigherIsBetter && x < floor) x = floor;
            if (Reaches(x)) { hi = x; break; }
            lo = x;
            if (!col.HigherIsBetter && x == floor) break;
            step *= 2;
        }
        if (double.IsNaN(hi)) return null;
        for (var i = 0; i < Bisections; i++)
        {
            var mid = (lo + hi) / 2;
            if (mid == lo || mid == hi) break;
            if (Reaches(mid)) hi = mid; else lo = mid;
        }
        return hi;
    }

    /// <summary>"Which single indicator, improved by p%, gains most places": x → x + |x| × p/100 in the better direction.</summary>
    public static IReadOnlyList<WhatIfGain> BestSingle(CompositeInput input, string zone, double percent)
    {
        var z = input.IndexOfZone(zone);
        if (z < 0) throw new Registry.LookupException($"开发区 '{zone}' 不在方案「{input.Scheme.NameZh}」中 / Zone '{zone}' is not scored by scheme '{input.Scheme.Id}'", "zone-not-in-scheme", zone);
        var rank0 = input.Evaluate().Rank[z];
        var result = new List<WhatIfGain>();
        for (var c = 0; c < input.Model.Columns.Count; c++)
        {
            var col = input.Model.Columns[c];
            var x = input.Values[z][c];
            if (double.IsNaN(x)) { result.Add(new WhatIfGain(col.Key, col.NameZh, null, null, rank0, rank0, 0)); continue; }
            var improved = x + (col.HigherIsBetter ? 1 : -1) * Math.Abs(x) * percent / 100;
            var values = input.Values.Select(r => (double[])r.Clone()).ToArray();
            values[z][c] = improved;
            var rank1 = input.Evaluate(values).Rank[z];
            result.Add(new WhatIfGain(col.Key, col.NameZh, Round(x), Round(improved), rank0, rank1, rank0 is { } a && rank1 is { } b ? a - b : 0));
        }
        return result.OrderByDescending(g => g.Gain).ThenBy(g => g.Indicator, StringComparer.Ordinal).ToList();
    }

    private static (int Zone, int Column) Locate(CompositeInput input, string zone, string indicator)
    {
        var z = input.IndexOfZone(zone);
        if (z < 0) throw new Registry.LookupException($"开发区 '{zone}' 不在方案「{input.Scheme.NameZh}」{input.Period} 期的比较组中 / Zone '{zone}' is not scored by scheme '{input.Scheme.Id}' for {input.Period}", "zone-not-in-scheme", zone);
        var c = input.IndexOfColumn(indicator);
        if (c < 0) throw new Registry.LookupException($"指标 '{indicator}' 不在方案「{input.Scheme.NameZh}」中 / Indicator '{indicator}' is not in scheme '{input.Scheme.Id}'", "indicator-not-in-scheme", indicator);
        return (z, c);
    }

    /// <summary>Rounded to 6 decimals away from the threshold, so the printed value still reaches the rank.</summary>
    private static double? RoundToward(double? v, bool up) => v is { } d ? (up ? Math.Ceiling(d * 1e6) : Math.Floor(d * 1e6)) / 1e6 : null;

    private static double? Round(double? v) => v is { } d && !double.IsNaN(d) ? Math.Round(d, 6) : null;
}
