using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Ingest;

/// <summary>Reads targets.csv and official-ranks.csv, naming each row it cannot take.</summary>
public static class ReferenceFileReader
{
    public static IReadOnlyList<Target> ReadTargets(string csvText, ZoneRegistry registry, List<Finding> findings)
    {
        var list = new List<Target>();
        foreach (var (row, f) in Rows(csvText))
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
            list.Add(new Target
            {
                Zone = zone.Id, Indicator = indicator?.Code ?? f("indicator")!.Trim(), Year = year, Kind = kind, Value = value,
                Unit = f("unit") ?? indicator?.Unit ?? "", Source = f("source"), NameZh = f("namezh") ?? f("name"),
            });
            if (indicator is null && f("namezh") is null && f("name") is null)
                findings.Add(new Finding
                {
                    Code = "target-without-name", Severity = Severity.Warning, Row = row, Column = "nameZh",
                    MessageZh = $"第 {row} 行：目标「{f("indicator")}」不是已登记的指标，也没有中文名（nameZh 列），报表将只能显示其代码",
                    MessageEn = $"Row {row}: target '{f("indicator")}' is not a registered indicator and has no Chinese name (nameZh column); reports can show only its code",
                });
        }
        return list;
    }

    public static IReadOnlyList<OfficialRank> ReadOfficialRanks(string csvText, ZoneRegistry registry, List<Finding> findings)
    {
        var list = new List<OfficialRank>();
        foreach (var (row, f) in Rows(csvText))
        {
            var zone = registry.FindZone(f("zone"));
            if (zone is null) { findings.Add(Bad(row, "unknown-zone", "zone", f("zone"))); continue; }
            if (!int.TryParse(f("year"), out var year)) { findings.Add(Bad(row, "bad-year", "year", f("year"))); continue; }
            // The evaluation's name is part of the stored key ("{evaluation}|{year}").
            if (StorageKey.CheckRow(f("evaluation"), row, "evaluation", "评价名称", "evaluation") is { } badKey) { findings.Add(badKey); continue; }
            if (!int.TryParse(f("rank"), out var rank) || !int.TryParse(f("of"), out var of) || rank < 1 || rank > of)
            { findings.Add(Bad(row, "bad-rank", "rank", $"{f("rank")}/{f("of")}")); continue; }
            list.Add(new OfficialRank
            {
                Zone = zone.Id, Evaluation = f("evaluation")!.Trim(), Year = year, Rank = rank, Of = of,
                Grade = string.IsNullOrWhiteSpace(f("grade")) ? null : f("grade"), Source = f("source"),
            });
        }
        return list;
    }

    private static IEnumerable<(int Row, Func<string, string?> Field)> Rows(string csvText)
    {
        using var csv = new CsvReader(new StringReader(csvText), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, MissingFieldFound = null, BadDataFound = null,
            PrepareHeaderForMatch = a => a.Header.Trim().TrimStart('\uFEFF').ToLowerInvariant(),
        });
        // No header row (an empty file): no rows, not a parser exception.
        if (!csv.Read() || !csv.ReadHeader()) yield break;
        while (csv.Read())
        {
            var row = csv.Parser.RawRow;
            string? F(string name) => csv.TryGetField<string>(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
            yield return (row, F);
        }
    }

    private static Finding Bad(int row, string code, string column, string? value) => new()
    {
        Code = code, Row = row, Column = column,
        MessageZh = $"第 {row} 行：列「{column}」的值「{Quote.Cell(value)}」无效", MessageEn = $"Row {row}: invalid {column} '{Quote.Cell(value)}'",
    };
}
