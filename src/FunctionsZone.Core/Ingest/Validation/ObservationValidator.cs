using System.Globalization;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Ingest.Validation;

/// <summary>
/// Runs the rules of validation-rules.json over the rows of one file, against what is already stored.
/// Every finding names the file row and column, the zone, indicator and period, a stable code, zh + en.
/// Codes: range-below-min, range-above-max, not-whole-number, ytd-decrease, part-exceeds-whole, outlier.
/// </summary>
public sealed class ObservationValidator(ZoneRegistry registry, ValidationRules rules)
{
    // The range rules of each indicator, found once per file rather than once per row.
    private readonly Dictionary<string, RangeRule[]> _ranges = new(StringComparer.Ordinal);

    /// <summary>
    /// The stored periods the checks need, so an import reads a few periods rather than the whole table: the file's own
    /// periods (counts, part ≤ whole), every month of their years (YTD order), and the outlier window before them
    /// (outliers.historyMonths months and as many years).
    /// </summary>
    public static IReadOnlyList<Period> PeriodsToRead(IReadOnlyList<ResolvedRow> rows, ValidationRules rules, IReadOnlyList<Period> stored)
    {
        var file = rows.Select(r => r.Observation.Period).ToHashSet();
        if (file.Count == 0) return [];
        var needed = new HashSet<Period>(stored.Where(file.Contains));
        // 1-N月 ≥ 1-(N−1)月 is checked between neighbours: the nearest stored month before and after each file month.
        var months = stored.Where(p => p.IsMonth).Order().ToList();
        foreach (var p in file.Where(p => p.IsMonth))
        {
            var before = months.Where(m => m.Year == p.Year && m < p).Select(m => (Period?)m).LastOrDefault();
            var after = months.Where(m => m.Year == p.Year && m > p).Select(m => (Period?)m).FirstOrDefault();
            if (before is { } b) needed.Add(b);
            if (after is { } a) needed.Add(a);
        }
        // Outliers compare with the zone's own recent history, HistoryMonths before the earliest file period.
        var window = rules.Outliers.Enabled ? rules.Outliers.HistoryMonths : 0;
        if (window > 0)
        {
            var earliest = file.Min();
            var latest = file.Max();
            var from = (earliest.Year * 12 + (earliest.Month ?? 12) - 1) - window;
            foreach (var p in stored)
            {
                var inWindow = p.IsMonth
                    ? p.Year * 12 + p.Month!.Value - 1 >= from && p <= latest
                    : p.Year >= earliest.Year - (window + 11) / 12 && p.Year <= latest.Year;
                if (inWindow) needed.Add(p);
            }
        }
        // A fixed statistics window (outliers.statisticsFrom/To) is read whole, wherever it lies.
        if (rules.Outliers.Enabled && (rules.Outliers.StatisticsFrom is not null || rules.Outliers.StatisticsTo is not null))
            foreach (var p in stored.Where(rules.Outliers.InStatistics)) needed.Add(p);
        return needed.Order().ToList();
    }

    public List<Finding> Validate(IReadOnlyList<ResolvedRow> rows, IReadOnlyList<Observation> stored)
    {
        var findings = new List<Finding>();
        foreach (var r in rows) CheckRanges(r, findings);
        if (rules.YtdMonotonic.Enabled) CheckYtd(rows, stored, findings);
        foreach (var rule in rules.PartWhole) CheckPartWhole(rule, rows, stored, findings);
        if (rules.Outliers.Enabled) CheckOutliers(rows, stored, findings);
        return findings;
    }

    private void CheckRanges(ResolvedRow r, List<Finding> findings)
    {
        var o = r.Observation;
        if (registry.FindIndicator(o.Indicator) is not { } ind) return;
        if (!_ranges.TryGetValue(ind.Code, out var applying)) _ranges[ind.Code] = applying = rules.Ranges.Where(x => x.AppliesTo(ind)).ToArray();
        foreach (var rule in applying)
        {
            var yoy = rule.Field == "yoy";
            if ((yoy ? o.Yoy : o.Value) is not { } v) continue;
            var (what, whatEn, unit) = yoy ? ("的同比", "'s growth", "%") : ("的值", "", ind.Unit);
            var note = rule.NoteZh is null ? "" : $"（{rule.NoteZh}）";
            var noteEn = rule.NoteEn is null ? "" : $" ({rule.NoteEn})";
            if (rule.Min is { } min && v < min)
                findings.Add(Make(r, "range-below-min", rule.Severity,
                    $"「{ind.NameZh}」{what} {F(v)} 小于下限 {F(min)} {unit}{note}", $"'{ind.Code}'{whatEn} is {F(v)}, below the minimum {F(min)} {unit}{noteEn}", yoy));
            if (rule.Max is { } max && v > max)
                findings.Add(Make(r, "range-above-max", rule.Severity,
                    $"「{ind.NameZh}」{what} {F(v)} 大于上限 {F(max)} {unit}{note}", $"'{ind.Code}'{whatEn} is {F(v)}, above the maximum {F(max)} {unit}{noteEn}", yoy));
            if (!yoy && rule.Whole && v != decimal.Truncate(v))
                findings.Add(Make(r, "not-whole-number", rule.Severity,
                    $"「{ind.NameZh}」是计数，应为整数，不是 {F(v)}{note}", $"'{ind.Code}' is a count and must be a whole number, not {F(v)}{noteEn}"));
        }
    }

    private void CheckYtd(IReadOnlyList<ResolvedRow> rows, IReadOnlyList<Observation> stored, List<Finding> findings)
    {
        var fromFile = rows.Where(r => r.Observation.Period.IsMonth && r.Observation.Value is not null && IsYtd(r.Observation.Indicator))
            .ToDictionary(r => r.Observation.Key);
        if (fromFile.Count == 0) return;
        var series = Overlay(stored.Where(o => o.Period.IsMonth && IsYtd(o.Indicator)), fromFile.Values.Select(r => r.Observation))
            .GroupBy(o => (o.Zone, o.Indicator, o.Period.Year));
        foreach (var s in series)
        {
            var ordered = s.OrderBy(o => o.Period).ToList();
            for (var k = 1; k < ordered.Count; k++)
            {
                var (earlier, later) = (ordered[k - 1], ordered[k]);
                if (later.Value >= earlier.Value - rules.YtdMonotonic.Tolerance) continue;
                // Name the row of the file; when both are in the file, the later one (the one that fell).
                var at = fromFile.GetValueOrDefault(later.Key) ?? fromFile.GetValueOrDefault(earlier.Key);
                if (at is null) continue;
                var ind = registry.FindIndicator(later.Indicator)!;
                var whereEarlier = fromFile.TryGetValue(earlier.Key, out var e) ? $"第 {e.Row} 行" : "已存储";
                var whereEarlierEn = e is not null ? $"row {e.Row}" : "stored";
                findings.Add(Make(at, "ytd-decrease", rules.YtdMonotonic.Severity,
                    $"累计数不能下降：「{ind.NameZh}」1-{later.Period.Month}月为 {F(later.Value!.Value)}，小于 1-{earlier.Period.Month}月的 {F(earlier.Value!.Value)}（{whereEarlier}）",
                    $"A year-to-date figure cannot fall: '{ind.Code}' for Jan–{M(later.Period)} is {F(later.Value!.Value)}, less than {F(earlier.Value!.Value)} for Jan–{M(earlier.Period)} ({whereEarlierEn})"));
            }
        }
    }

    private void CheckPartWhole(PartWholeRule rule, IReadOnlyList<ResolvedRow> rows, IReadOnlyList<Observation> stored, List<Finding> findings)
    {
        var part = registry.FindIndicator(rule.Part);
        var whole = registry.FindIndicator(rule.Whole);
        if (part is null || whole is null) return;
        var fileRows = rows.Where(r => r.Observation.Value is not null && (r.Observation.Indicator == part.Code || r.Observation.Indicator == whole.Code)).ToList();
        if (fileRows.Count == 0) return;
        var byKey = fileRows.ToDictionary(r => r.Observation.Key);
        var all = Overlay(stored.Where(o => o.Indicator == part.Code || o.Indicator == whole.Code), fileRows.Select(r => r.Observation))
            .Where(o => o.Value is not null).ToDictionary(o => o.Key);
        foreach (var (zone, period) in fileRows.Select(r => (r.Observation.Zone, r.Observation.Period)).Distinct())
        {
            if (!all.TryGetValue(new ObservationKey(zone, part.Code, period), out var p) || !all.TryGetValue(new ObservationKey(zone, whole.Code, period), out var w)) continue;
            if (!UnitConverter.TryConvert(p.Value!.Value, part.Unit, whole.Unit, out var pv) || pv <= w.Value) continue;
            var at = byKey.GetValueOrDefault(p.Key) ?? byKey[w.Key];
            findings.Add(Make(at, "part-exceeds-whole", rule.Severity,
                $"「{part.NameZh}」{F(p.Value!.Value)} {part.Unit} 大于其总量「{whole.NameZh}」{F(w.Value!.Value)} {whole.Unit}",
                $"'{part.Code}' ({F(p.Value!.Value)} {part.Unit}) exceeds its whole '{whole.Code}' ({F(w.Value!.Value)} {whole.Unit})"));
        }
    }

    private void CheckOutliers(IReadOnlyList<ResolvedRow> rows, IReadOnlyList<Observation> stored, List<Finding> findings)
    {
        var rule = rules.Outliers;
        var series = OutlierSeries(rows, stored, rule);
        foreach (var r in rows)
        {
            var o = r.Observation;
            if (o.Value is not { } v || !series.TryGetValue((o.Zone, o.Indicator), out var past)) continue;
            var ind = registry.FindIndicator(o.Indicator);
            if (ind is null) continue;
            // The zone's own figures of the same granularity; in history mode of other periods only.
            var points = past.Where(p => (rule.Statistics == OutlierStatistics.Series || p.Period != o.Period) && p.Period.IsMonth == o.Period.IsMonth)
                .Select(p => Comparable(ind, p.Period, p.Value!.Value)).ToList();
            if (points.Count < rule.MinHistory) continue;
            var x = Comparable(ind, o.Period, v);
            var score = rule.Method == OutlierMethod.Z ? ModifiedZScore.ZScore(x, points) : ModifiedZScore.Score(x, points);
            if (score is not { } sc || !rule.Flags(sc)) continue;
            var centre = rule.Method == OutlierMethod.Z ? points.Average() : ModifiedZScore.Median(points);
            var (nameZh, nameEn, centreZh, centreEn) = rule.Method == OutlierMethod.Z ? ("z 分数", "z-score", "均值", "mean") : ("修正 z 分数", "modified z-score", "中位数", "median");
            var basis = ind.Kind == IndicatorKind.Ytd ? "（按月均值比较 / as a monthly average）" : "";
            var op = rule.Comparison == ">=" ? "达到" : "超过";
            findings.Add(Make(r, "outlier", rule.Severity,
                $"「{ind.NameZh}」{F(v)} {ind.Unit} 与该开发区历史数据差异很大：{nameZh} {sc:0.0}，{op}阈值 {F(rule.Threshold)}（{centreZh} {F(Math.Round(centre, 4))}，{points.Count} 期）{basis}，请核实",
                $"'{ind.Code}' = {F(v)} {ind.Unit} is far from this zone's history: {nameEn} {sc.ToString("0.0", CultureInfo.InvariantCulture)} is {(rule.Comparison == ">=" ? "at or over" : "over")} {F(rule.Threshold)} ({centreEn} {F(Math.Round(centre, 4))} over {points.Count} periods); please check"));
        }
    }

    /// <summary>
    /// Each zone × indicator's figures the outlier statistics use: history mode, the stored figures only (a correction is
    /// not its own history); series mode, the stored ones with the file's laid over them (the file wins, as in Overlay).
    /// </summary>
    private static Dictionary<(string Zone, string Indicator), List<Observation>> OutlierSeries(IReadOnlyList<ResolvedRow> rows,
        IReadOnlyList<Observation> stored, OutlierRule rule)
    {
        var series = new Dictionary<(string Zone, string Indicator), List<Observation>>();
        void Add(Observation o)
        {
            if (o.Value is null || !rule.InStatistics(o.Period)) return;
            if (!series.TryGetValue((o.Zone, o.Indicator), out var list)) series[(o.Zone, o.Indicator)] = list = [];
            list.Add(o);
        }
        var fromFile = new Dictionary<ObservationKey, Observation>();
        if (rule.Statistics == OutlierStatistics.Series)
            foreach (var r in rows)
                if (r.Observation.Value is not null) fromFile[r.Observation.Key] = r.Observation;
        foreach (var o in fromFile.Values) Add(o);
        foreach (var o in stored)
            if (fromFile.Count == 0 || !fromFile.ContainsKey(o.Key)) Add(o);
        return series;
    }

    private static decimal Comparable(Indicator ind, Period p, decimal v) =>
        ind.Kind == IndicatorKind.Ytd ? v / (p.Month ?? 12) : v;

    private bool IsYtd(string indicator) => registry.FindIndicator(indicator)?.Kind == IndicatorKind.Ytd;

    /// <summary>Stored figures with the file's figures laid over them (the file wins: it is what would be stored).</summary>
    private static IEnumerable<Observation> Overlay(IEnumerable<Observation> stored, IEnumerable<Observation> file)
    {
        var map = stored.ToDictionary(o => o.Key);
        foreach (var o in file) map[o.Key] = o;
        return map.Values.Where(o => o.Value is not null);
    }

    // The finding is keyed by the file's own row, so --allow-partial leaves out exactly that row.
    private static Finding Make(ResolvedRow r, string code, Severity severity, string zh, string en, bool yoyColumn = false)
    {
        var o = r.Observation;
        return new Finding
        {
            Code = code, Severity = severity, Row = r.Row, Column = yoyColumn ? r.YoyColumn : r.Column,
            Zone = o.Zone, Indicator = o.Indicator, Period = o.Period.ToString(),
            MessageZh = $"第 {r.Row} 行 {(yoyColumn ? r.YoyColumn : r.Column)} 列：{zh}", MessageEn = $"Row {r.Row}, column {(yoyColumn ? r.YoyColumn : r.Column)}: {en}",
        };
    }

    private static string F(decimal d) => RowResolver.Canonical(d).ToString(CultureInfo.InvariantCulture);
    private static string M(Period p) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(p.Month!.Value);
}
