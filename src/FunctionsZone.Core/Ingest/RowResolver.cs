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
        if (!Period.TryParse(raw.Period, out var period))
            findings.Add(Error(raw, "bad-period", raw.PeriodAt, $"期间「{Quote.Cell(raw.Period)}」格式错误，应为 2022-05 或 2021", $"Bad period '{Quote.Cell(raw.Period)}': expected 2022-05 or 2021"));
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
        if (value is null && yoy is null)
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
            Zone = zone!.Id, Indicator = indicator!.Code, Period = period, Value = value, Yoy = yoy,
            Source = Blank(raw.Source) ?? sourceFile, SourceFile = sourceFile,
        };
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
        MessageZh = code is "bad-value" or "unknown-unit" or "bad-yoy" or "value-out-of-range" ? $"第 {raw.Row} 行 {column} 列：{zh}" : $"第 {raw.Row} 行：{zh}",
        MessageEn = code is "bad-value" or "unknown-unit" or "bad-yoy" or "value-out-of-range" ? $"Row {raw.Row}, column {column}: {en}" : $"Row {raw.Row}: {en}",
    };
}
