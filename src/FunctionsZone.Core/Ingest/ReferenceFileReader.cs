using System.Globalization;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Tables;

namespace FunctionsZone.Core.Ingest;

/// <summary>Reads targets.csv and official-ranks.csv, naming each row it cannot take.</summary>
public static class ReferenceFileReader
{
    /// <summary>
    /// targets.csv. A zone's year may hold several targets of one indicator when their kinds differ (固投 增长10% and
    /// 完成200亿); a second of the same kind is refused naming both rows, and is not in the list (so a dry run counts
    /// what an import stores).
    /// </summary>
    public static IReadOnlyList<Target> ReadTargets(ITableFileReader tables, string csvText, ZoneRegistry registry, List<Finding> findings)
    {
        var list = new List<Target>();
        var seen = new Dictionary<(string Zone, int Year, string Key), int>();
        foreach (var (row, f) in Rows(tables, csvText))
        {
            var zone = registry.FindZone(f("zone"));
            if (zone is null) { findings.Add(Bad(row, "unknown-zone", "zone", f("zone"))); continue; }
            var indicator = registry.FindIndicator(f("indicator"));
            if (!int.TryParse(f("year"), out var year)) { findings.Add(Bad(row, "bad-year", "year", f("year"))); continue; }
            if (!Enum.TryParse<TargetKind>(f("kind"), true, out var kind)) { findings.Add(Bad(row, "bad-target-kind", "kind", f("kind"))); continue; }
            if (indicator is null && kind != TargetKind.Milestone) { findings.Add(Bad(row, "unknown-indicator", "indicator", f("indicator"))); continue; }
            if (!ValueParser.TryParse(f("target"), out var value, out _)) { findings.Add(Bad(row, "bad-value", "target", f("target"))); continue; }
            // A milestone's indicator is the file's own identifier (not a registered code): the key rule applies to it too.
            if (indicator is null && StorageKey.CheckRow(f("indicator"), row, "indicator", "目标指标", "target indicator") is { } badKey) { findings.Add(badKey); continue; }
            var target = new Target
            {
                Zone = zone.Id, Indicator = indicator?.Code ?? f("indicator")!.Trim(), Year = year, Kind = kind, Value = value,
                Unit = f("unit") ?? indicator?.Unit ?? "", Source = f("source"), NameZh = f("namezh") ?? f("name"),
                NameEn = f("nameen"),
            };
            if (seen.TryGetValue((target.Zone, year, Target.KeyOf(target)), out var first))
            {
                findings.Add(DuplicateTarget(row, first, target));
                continue;
            }
            seen[(target.Zone, year, Target.KeyOf(target))] = row;
            list.Add(target);
            if (indicator is null && f("namezh") is null && f("name") is null)
                findings.Add(new Finding
                {
                    Code = "target-without-name", Severity = Severity.Warning, Row = row, Column = "nameZh",
                    MessageZh = $"第 {row} 行：目标「{f("indicator")}」不是已登记的指标，也没有中文名（nameZh 列），报表将只能显示其代码",
                    MessageEn = $"Row {row}: target '{f("indicator")}' is not a registered indicator and has no Chinese name (nameZh column); reports can show only its code",
                });
            if (indicator is null && f("nameen") is null)
                findings.Add(MissingEnglishName.Finding(row, "nameEn", target.NameZh ?? target.Indicator));
        }
        return list;
    }

    /// <summary>
    /// official-ranks.csv: zone, evaluation, year (the evaluation year; `evaluationYear` is read too), rank, of (the field
    /// size — a published partial list states it: 9 zones of a province ranked among 230 are "of 230"), and optionally
    /// dataYear (default year − 1), field (the scope ranked in), grade, source. One rank per zone, evaluation and year;
    /// the rows of one evaluation, year and field agree on its size.
    /// </summary>
    public static IReadOnlyList<OfficialRank> ReadOfficialRanks(ITableFileReader tables, string csvText, ZoneRegistry registry, List<Finding> findings)
    {
        var list = new List<OfficialRank>();
        var seen = new Dictionary<(string Zone, string Evaluation, int Year), int>();
        var fields = new Dictionary<(string Evaluation, int Year, string? Field), (int Of, int Row)>();
        foreach (var (row, f) in Rows(tables, csvText))
        {
            var zone = registry.FindZone(f("zone"));
            if (zone is null) { findings.Add(Bad(row, "unknown-zone", "zone", f("zone"))); continue; }
            var yearText = f("year") ?? f("evaluationyear");
            if (!int.TryParse(yearText, out var year)) { findings.Add(Bad(row, "bad-year", "year", yearText)); continue; }
            int? dataYear = null;
            if (f("datayear") is { } dy)
            {
                if (!int.TryParse(dy, out var d) || d > year) { findings.Add(Bad(row, "bad-year", "dataYear", dy)); continue; }
                dataYear = d;
            }
            // The evaluation's name is part of the stored key ("{evaluation}|{year}").
            if (StorageKey.CheckRow(f("evaluation"), row, "evaluation", "评价名称", "evaluation") is { } badKey) { findings.Add(badKey); continue; }
            if (!int.TryParse(f("rank"), out var rank) || !int.TryParse(f("of"), out var of) || rank < 1 || rank > of)
            { findings.Add(Bad(row, "bad-rank", "rank", $"{f("rank")}/{f("of")}")); continue; }
            var r = new OfficialRank
            {
                Zone = zone.Id, Evaluation = f("evaluation")!.Trim(), Year = year, DataYear = dataYear ?? year - 1, Rank = rank, Of = of,
                Field = f("field")?.Trim(), Grade = string.IsNullOrWhiteSpace(f("grade")) ? null : f("grade"), Source = f("source"),
            };
            if (seen.TryGetValue((r.Zone, r.Evaluation, year), out var first)) { findings.Add(DuplicateRank(row, first, r)); continue; }
            if (fields.TryGetValue((r.Evaluation, year, r.Field), out var field) && field.Of != of) { findings.Add(FieldSize(row, field, r)); continue; }
            seen[(r.Zone, r.Evaluation, year)] = row;
            fields.TryAdd((r.Evaluation, year, r.Field), (of, row));
            list.Add(r);
        }
        return list;
    }

    private static Finding DuplicateRank(int row, int first, OfficialRank r) => new()
    {
        Code = "duplicate-rank", Row = row, Column = "zone", Zone = r.Zone,
        MessageZh = $"第 {row} 行：{r.Zone} 在 {r.Year} 年「{r.Evaluation}」中的位次与第 {first} 行重复",
        MessageEn = $"Row {row}: {r.Zone}'s {r.Year} '{r.Evaluation}' rank repeats row {first}",
    };

    private static Finding FieldSize(int row, (int Of, int Row) field, OfficialRank r) => new()
    {
        Code = "field-size-differs", Row = row, Column = "of", Zone = r.Zone,
        MessageZh = $"第 {row} 行：{r.Year} 年「{r.Evaluation}」的参评总数为 {r.Of}，第 {field.Row} 行为 {field.Of}；名单只列部分开发区时，of 应为全部参评数（如 230），而非名单条数",
        MessageEn = $"Row {row}: {r.Year} '{r.Evaluation}' is ranked of {r.Of} here and of {field.Of} on row {field.Row}; a partial list states the whole field (e.g. 230), not how many it lists",
    };

    /// <summary>Each record with its file line (a quoted cell may span lines) and its fields by folded header, blank as null.</summary>
    private static IEnumerable<(int Row, Func<string, string?> Field)> Rows(ITableFileReader tables, string csvText) =>
        tables.ReadRecords(csvText, TableOptions.Lenient).Records
            .Select(r => (r.Line, (Func<string, string?>)(name => string.IsNullOrWhiteSpace(r[name]) ? null : r[name])));

    private static Finding DuplicateTarget(int row, int first, Target t) => new()
    {
        Code = "duplicate-target", Row = row, Column = "kind", Zone = t.Zone, Indicator = t.Indicator,
        MessageZh = $"第 {row} 行：{t.Zone} {t.Year} 年「{t.Indicator}」的 {t.Kind.ToString().ToLowerInvariant()} 目标与第 {first} 行重复；同一指标的不同类型目标（如增速与总量）可以并存，同一类型只能有一个",
        MessageEn = $"Row {row}: {t.Zone}'s {t.Year} {t.Kind.ToString().ToLowerInvariant()} target for '{t.Indicator}' repeats row {first}; one indicator may have targets of different kinds (growth and amount), one of each",
    };

    private static Finding Bad(int row, string code, string column, string? value) => new()
    {
        Code = code, Row = row, Column = column,
        MessageZh = $"第 {row} 行：列「{column}」的值「{Quote.Cell(value)}」无效", MessageEn = $"Row {row}: invalid {column} '{Quote.Cell(value)}'",
    };
}
