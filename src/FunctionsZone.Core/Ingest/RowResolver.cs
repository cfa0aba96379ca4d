using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Ingest;

/// <summary>An observation and where in the file it came from (row, and the column of its value).</summary>
public sealed record ResolvedRow(int Row, string Column, Observation Observation, string YoyColumn = "yoy");

/// <summary>Turns raw rows into observations in canonical units, naming every row it cannot take.</summary>
public sealed class RowResolver(ZoneRegistry registry)
{
    public IReadOnlyList<ResolvedRow> Resolve(IEnumerable<RawRow> rows, string? sourceFile, List<Finding> findings)
    {
        var result = new List<ResolvedRow>();
        var seen = new Dictionary<ObservationKey, int>();
        foreach (var raw in rows)
        {
            var obs = ResolveOne(raw, sourceFile, findings);
            if (obs is null) continue;
            if (seen.TryGetValue(obs.Key, out var firstRow))
            {
                findings.Add(Error(raw, "duplicate-row", "zone,indicator,period",
                    $"与第 {firstRow} 行重复（同一开发区、指标、期间）", $"Duplicates row {firstRow} (same zone, indicator and period)", obs));
                continue;
            }
            seen[obs.Key] = raw.Row;
            result.Add(new ResolvedRow(raw.Row, raw.ValueAt, obs, raw.YoyAt));
        }
        return result;
    }

    private Observation? ResolveOne(RawRow raw, string? sourceFile, List<Finding> findings)
    {
        var before = findings.Count;
        var zone = registry.FindZone(raw.Zone);
        if (zone is null)
            findings.Add(Error(raw, "unknown-zone", raw.ZoneAt, $"未知的开发区「{Quote.Cell(raw.Zone)}」", $"Unknown zone '{Quote.Cell(raw.Zone)}'"));
        var indicator = registry.FindIndicator(raw.Indicator);
        if (indicator is null)
            findings.Add(Error(raw, "unknown-indicator", raw.IndicatorAt, $"未知的指标「{Quote.Cell(raw.Indicator)}」", $"Unknown indicator '{Quote.Cell(raw.Indicator)}'"));
        if (!Period.TryParseReported(raw.Period, out var period, out var yearToDate))
            findings.Add(Error(raw, "bad-period", raw.PeriodAt, $"期间「{Quote.Cell(raw.Period)}」格式错误，应为 2022-05、2022年1-5月、2022Q1、2022年上半年或 2022",
                $"Bad period '{Quote.Cell(raw.Period)}': expected 2022-05, 2022年1-5月, 2022Q1, 2022年上半年 or 2022"));
        else if (indicator is not null && StoredPeriod.Of(period, yearToDate, indicator) is var (stored, whyZh, whyEn))
        {
            if (stored is { } s) period = s;
            else findings.Add(Error(raw, "period-grain", raw.PeriodAt, $"期间「{Quote.Cell(raw.Period)}」：{whyZh}", $"Period '{Quote.Cell(raw.Period)}': {whyEn}"));
        }
        if (indicator?.Derived is not null)
            findings.Add(Error(raw, "derived-indicator", raw.IndicatorAt, $"指标「{indicator.NameZh}」由系统计算，不能导入", $"Indicator '{indicator.Code}' is derived and cannot be imported"));
        if (findings.Count > before) return null;

        decimal? value = null;
        if (!ValueParser.IsMissing(raw.Value))
        {
            if (!ValueParser.TryParse(raw.Value, out var v, out var scale))
            {
                findings.Add(ValueParser.IsOutOfRange(raw.Value)
                    ? OutOfRange(raw, raw.ValueAt, raw.Value, Blank(raw.Unit) ?? indicator!.Unit)
                    : Error(raw, "bad-value", raw.ValueAt, $"数值「{Quote.Cell(raw.Value)}」不是数字", $"Value '{Quote.Cell(raw.Value)}' is not a number"));
                return null;
            }
            var unit = UnitConverter.ApplyScaleWord(scale, Blank(raw.Unit), indicator!.Unit);
            if (!UnitConverter.TryConvert(v, unit, indicator.Unit, out var converted, out var overflow))
            {
                if (overflow)
                {
                    findings.Add(OutOfRange(raw, raw.ValueAt, raw.Value, unit ?? indicator.Unit));
                    return null;
                }
                var (whyZh, whyEn) = UnitConverter.WhyNot(unit, indicator.Unit);
                findings.Add(Error(raw, "unknown-unit", raw.ValueAt,
                    $"单位「{Quote.Cell(unit)}」无法换算为指标「{indicator.NameZh}」的单位「{indicator.Unit}」（{whyZh}）",
                    $"Unit '{Quote.Cell(unit)}' does not convert to '{indicator.Unit}', the unit of '{indicator.Code}' ({whyEn})"));
                return null;
            }
            // 93900 万元 → 9.39 亿元, not 9.390000: the same figure stores the same text whatever unit it came in.
            value = Canonical(converted);
        }

        decimal? yoy = null;
        if (!ValueParser.IsMissing(raw.Yoy))
        {
            if (!ValueParser.TryParse(raw.Yoy, out var y, out _))
            {
                findings.Add(ValueParser.IsOutOfRange(raw.Yoy)
                    ? OutOfRange(raw, raw.YoyAt, raw.Yoy, "%")
                    : Error(raw, "bad-yoy", raw.YoyAt, $"同比「{Quote.Cell(raw.Yoy)}」不是数字", $"YoY growth '{Quote.Cell(raw.Yoy)}' is not a number"));
                return null;
            }
            yoy = Canonical(y);
        }
        if (yoy is not null && indicator!.IsRatio && indicator.IsPercent)
        {
            // 同比 on a share or rate: "0.85" may be 个百分点 or a relative growth of the rate — the file must say which.
            findings.Add(Error(raw, "yoy-on-rate", raw.YoyAt,
                $"「{indicator.NameZh}」是比率（%），同比「{Quote.Cell(raw.Yoy)}」含义不明：个百分点的变化请填「增减(个百分点)」列（change_pp）",
                $"'{indicator.Code}' is a rate in %: its 同比 '{Quote.Cell(raw.Yoy)}' is ambiguous; a change in percentage points goes in the 增减(个百分点) column (change_pp)"));
            return null;
        }
        if (!Changes(raw, indicator!, Blank(raw.Unit), findings, out var changePoints, out var change)) return null;
        if (value is null && yoy is null && changePoints is null && change is null)
        {
            findings.Add(new Finding
            {
                Code = "missing-value", Severity = Severity.Warning, Row = raw.Row, Column = raw.ValueAt,
                Zone = zone!.Id, Indicator = indicator!.Code, Period = period.ToString(),
                MessageZh = $"第 {raw.Row} 行：数值缺失，该行忽略", MessageEn = $"Row {raw.Row}: no value; the row is ignored",
            });
            return null;
        }
        return new Observation
        {
            Zone = zone!.Id, Indicator = indicator!.Code, Period = period, Value = value, Yoy = yoy, ChangePoints = changePoints, Change = change,
            Source = Blank(raw.Source) ?? sourceFile, SourceFile = sourceFile,
        };
    }

    /// <summary>
    /// 增减(个百分点) — only on an indicator in %; 增减量 — in the row's unit, converted as the value is. False (with the
    /// finding) when either is there but cannot be taken.
    /// </summary>
    private static bool Changes(RawRow raw, Indicator indicator, string? unit, List<Finding> findings, out decimal? changePoints, out decimal? change)
    {
        (changePoints, change) = (null, null);
        if (!ValueParser.IsMissing(raw.ChangePoints))
        {
            if (!indicator.IsPercent)
            {
                findings.Add(Error(raw, "change-points-not-percent", raw.ChangePointsAt,
                    $"「{indicator.NameZh}」的单位是「{indicator.Unit}」，不是 %，没有个百分点的增减；绝对增减请填「增减量」列（change）",
                    $"'{indicator.Code}' is in {indicator.Unit}, not %: it has no change in percentage points; an absolute change goes in 增减量 (change)"));
                return false;
            }
            if (!ValueParser.TryParse(raw.ChangePoints, out var pp, out var ppScale) || ppScale is not null)
            {
                findings.Add(Error(raw, "bad-change", raw.ChangePointsAt, $"增减「{Quote.Cell(raw.ChangePoints)}」不是数字", $"Change '{Quote.Cell(raw.ChangePoints)}' is not a number"));
                return false;
            }
            changePoints = Canonical(pp);
        }
        if (!ValueParser.IsMissing(raw.Change))
        {
            if (!ValueParser.TryParse(raw.Change, out var c, out var scale))
            {
                findings.Add(Error(raw, "bad-change", raw.ChangeAt, $"增减量「{Quote.Cell(raw.Change)}」不是数字", $"Change '{Quote.Cell(raw.Change)}' is not a number"));
                return false;
            }
            var from = UnitConverter.ApplyScaleWord(scale, unit, indicator.Unit);
            if (!UnitConverter.TryConvert(c, from, indicator.Unit, out var converted))
            {
                var (whyZh, whyEn) = UnitConverter.WhyNot(from, indicator.Unit);
                findings.Add(Error(raw, "unknown-unit", raw.ChangeAt, $"增减量的单位「{Quote.Cell(from)}」无法换算为「{indicator.Unit}」（{whyZh}）",
                    $"The change's unit '{Quote.Cell(from)}' does not convert to '{indicator.Unit}' ({whyEn})"));
                return false;
            }
            change = Canonical(converted);
        }
        return true;
    }

    /// <summary>The decimal without trailing zeros (9.3900 → 9.39).</summary>
    public static decimal Canonical(decimal d) => d / 1.000000000000000000000000000000000m;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>A number beyond what decimal holds (±7.9e28), as read or once converted to the indicator's unit.</summary>
    private static Finding OutOfRange(RawRow raw, string column, string? text, string unit) => Error(raw, "value-out-of-range", column,
        $"数值「{Quote.Cell(text)}」（{Quote.Cell(unit)}）超出可处理的范围", $"Value '{Quote.Cell(text)}' ({Quote.Cell(unit)}) is out of the range that can be held");

    private static Finding Error(RawRow raw, string code, string column, string zh, string en, Observation? o = null) => new()
    {
        Code = code, Row = raw.Row, Column = column,
        Zone = o?.Zone ?? Quote.Cell(raw.Zone), Indicator = o?.Indicator ?? Quote.Cell(raw.Indicator), Period = o?.Period.ToString() ?? Quote.Cell(raw.Period),
        // A value's cell is named too ("第 7 行 C（1-5月累计）列"): in a wide table the row alone does not say which figure.
        MessageZh = code is "bad-value" or "unknown-unit" or "bad-yoy" or "value-out-of-range" or "bad-change" or "yoy-on-rate" or "change-points-not-percent" ? $"第 {raw.Row} 行 {column} 列：{zh}" : $"第 {raw.Row} 行：{zh}",
        MessageEn = code is "bad-value" or "unknown-unit" or "bad-yoy" or "value-out-of-range" or "bad-change" or "yoy-on-rate" or "change-points-not-percent" ? $"Row {raw.Row}, column {column}: {en}" : $"Row {raw.Row}: {en}",
    };
}
