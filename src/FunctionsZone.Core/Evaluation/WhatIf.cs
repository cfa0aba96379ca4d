using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Evaluation;

/// <summary>
/// The value an indicator must reach to lift the zone by Places, the others held fixed; Required is null when no value
/// does, and Unreachable says why (the validation rule capping the indicator, or that no value lifts it).
/// </summary>
public sealed record WhatIfStep(int Places, int TargetRank, double? Required, double? Change, double? ChangePercent, string? Unreachable = null);

public sealed record WhatIfResult(string Zone, string Name, string Scheme, string Period, string Indicator, string IndicatorName, string Unit,
    double? Current, int? Rank, int Of, double? Required, int Places, IReadOnlyList<WhatIfStep> Steps, string? Note);

/// <summary>One indicator improved by a percentage, and the places that gains; CappedBy names the rule that held it at its bound.</summary>
public sealed record WhatIfGain(string Indicator, string Name, double? Current, double? Improved, int? RankBefore, int? RankAfter, int Gain, string? CappedBy = null);

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
                var (req, capped) = RequiredWithin(input, z, c, target);
                double? change = req is { } r && !double.IsNaN(current) ? r - current : null;
                steps.Add(new WhatIfStep(k, target, RoundToward(req, col.HigherIsBetter, input.BoundOf(c)), Round(change),
                    change is { } ch && current != 0 && !double.IsNaN(current) ? Math.Round(ch / Math.Abs(current) * 100, 2) : null,
                    req is null ? Unreachable(col, target, capped) : null));
            }
            if (steps.Count > 0 && steps[0].Required is null) note = steps[0].Unreachable;
        }
        var chosen = steps.FirstOrDefault(st => st.Places == places);
        return new WhatIfResult(input.Zones[z], input.Names[z], input.Scheme.Id, input.Period, col.Key, col.NameZh,
            input.Units?.GetValueOrDefault(col.Key) ?? "", Round(current), rank0, of, chosen?.Required, chosen?.Places ?? places, steps, note);
    }

    /// <summary>The smallest (largest, for lower-is-better) value of column c at which zone z ranks targetRank or better; null when none does.</summary>
    public static double? Required(CompositeInput input, int z, int c, int targetRank) => RequiredWithin(input, z, c, targetRank).Value;

    /// <summary>Why no value reaches the place: the rule whose bound even the best allowed value stops at, or none lifts it at all.</summary>
    private static string Unreachable(Column col, int target, Ingest.Validation.RangeRule? capped) => capped is null
        ? $"单靠「{col.NameZh}」无法达到第{target}位 / improving {col.Key} alone cannot reach place {target}"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"无法达到：「{col.NameZh}」按校验规则 {capped.Id} 最{(col.HigherIsBetter ? "高" : "低")}为 {(col.HigherIsBetter ? capped.Max : capped.Min)}{(capped.NoteZh is null ? "" : $"（{capped.NoteZh}）")}，取到该值仍达不到第{target}位 / unreachable: rule {capped.Id} bounds {col.Key} at {(col.HigherIsBetter ? capped.Max : capped.Min)}{(capped.NoteEn is null ? "" : $" ({capped.NoteEn})")}, and even that does not reach place {target}");

    /// <summary>
    /// Required, within the range an import accepts (input.BoundOf): the search stops at the bound, and when even the
    /// bound does not reach the place, the value is null and Capped names the rule.
    /// </summary>
    public static (double? Value, Ingest.Validation.RangeRule? Capped) RequiredWithin(CompositeInput input, int z, int c, int targetRank)
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
        if (Reaches(start) && !double.IsNaN(current)) return (current, null);
        // The search stops where an import would refuse the value (share-0-100 …); lower-is-better amounts (energy,
        // emissions per unit) also stop at 0 unless already negative.
        var bound = input.BoundOf(c);
        var limit = col.HigherIsBetter
            ? (double?)bound.Max ?? double.PositiveInfinity
            : Math.Max((double?)bound.Min ?? double.NegativeInfinity, start >= 0 ? 0.0 : double.NegativeInfinity);
        bool Beyond(double x) => col.HigherIsBetter ? x > limit : x < limit;
        double lo = start, hi = double.NaN, step = scale / 64;
        var atLimit = false;
        for (var i = 0; i < 40; i++)
        {
            var x = start + sign * step;
            if (Beyond(x)) x = limit;
            if (Reaches(x)) { hi = x; break; }
            lo = x;
            if (x == limit) { atLimit = true; break; }
            step *= 2;
        }
        if (double.IsNaN(hi)) return (null, atLimit ? RuleAt(bound, limit, col.HigherIsBetter) : null);
        for (var i = 0; i < Bisections; i++)
        {
            var mid = (lo + hi) / 2;
            if (mid == lo || mid == hi) break;
            if (Reaches(mid)) hi = mid; else lo = mid;
        }
        return (hi, null);
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
            var (improved, cappedBy) = Within(input.BoundOf(c), x + (col.HigherIsBetter ? 1 : -1) * Math.Abs(x) * percent / 100);
            var values = input.Values.Select(r => (double[])r.Clone()).ToArray();
            values[z][c] = improved;
            var rank1 = input.Evaluate(values).Rank[z];
            result.Add(new WhatIfGain(col.Key, col.NameZh, Round(x), Round(improved), rank0, rank1, rank0 is { } a && rank1 is { } b ? a - b : 0, cappedBy));
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

    /// <summary>The rule whose bound is the limit the search stopped at (none for the 0 floor of lower-is-better amounts).</summary>
    private static Ingest.Validation.RangeRule? RuleAt(Ingest.Validation.ValueBound bound, double limit, bool higher) =>
        higher ? bound.Max is { } max && (double)max == limit ? bound.MaxRule : null
               : bound.Min is { } min && (double)min == limit ? bound.MinRule : null;

    /// <summary>An improved value held within the bounds an import accepts: 96.5% of a share + 10% is 100, not 106.15.</summary>
    private static (double Value, string? CappedBy) Within(Ingest.Validation.ValueBound bound, double x) =>
        bound.Max is { } max && x > (double)max ? ((double)max, bound.MaxRule!.Id)
        : bound.Min is { } min && x < (double)min ? ((double)min, bound.MinRule!.Id)
        : (x, null);

    /// <summary>Rounded to 6 decimals away from the threshold, so the printed value still reaches the rank (never past the bound).</summary>
    private static double? RoundToward(double? v, bool up, Ingest.Validation.ValueBound bound) => v is { } d
        ? Math.Clamp((up ? Math.Ceiling(d * 1e6) : Math.Floor(d * 1e6)) / 1e6, (double?)bound.Min ?? double.NegativeInfinity, (double?)bound.Max ?? double.PositiveInfinity)
        : null;

    private static double? Round(double? v) => v is { } d && !double.IsNaN(d) ? Math.Round(d, 6) : null;
}
