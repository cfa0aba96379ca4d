using System.Globalization;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Tables;

namespace FunctionsZone.Core.Targets;

/// <summary>
/// A project of the registry (projects.csv): total investment in 亿元 (empty where not stated) and the month or year it
/// was signed or started (签约/开工), empty where not stated.
/// </summary>
public sealed record Project(string Id, string Zone, string NameZh, decimal? TotalInvestment, Period? Date = null, string? Source = null, string? NameEn = null);

/// <summary>
/// Count targets from the project registry: 过亿项目 = projects of ≥ 1亿元, 10亿元以上 = ≥ 10亿元, 总投资 = their sum.
/// A dated project counts in its year, up to the month reported on; an undated one is listed but not counted, since
/// nothing says which year it belongs to. A project without a stated investment (敬业集团) counts in no threshold.
/// </summary>
public sealed class ProjectRegistry(IReadOnlyList<Project> projects)
{
    public IReadOnlyList<Project> Projects { get; } = projects;

    /// <summary>Which target indicator reads what from the registry: (minimum investment in 亿元, count or sum).</summary>
    public static readonly IReadOnlyDictionary<string, (decimal Minimum, bool Sum)> Rules = new Dictionary<string, (decimal, bool)>
    {
        ["projects_1yi"] = (1m, false), ["projects_10yi"] = (10m, false), ["projects_investment"] = (1m, true),
    };

    /// <summary>The count (or sum) of the zone's dated qualifying projects of the year up to asOf; null when the registry has no project of the zone.</summary>
    public decimal? ActualOf(string zone, string indicator, Period asOf)
    {
        if (!Rules.TryGetValue(indicator, out var rule)) return null;
        var ofZone = Projects.Where(p => string.Equals(p.Zone, zone, StringComparison.OrdinalIgnoreCase)).ToList();
        if (ofZone.Count == 0) return null;
        var counted = ofZone.Where(p => p.Date is { } d && d.Year == asOf.Year && (d.Month is null || asOf.Month is null || d.Month <= asOf.Month)
                                        && p.TotalInvestment >= rule.Minimum).ToList();
        return rule.Sum ? counted.Sum(p => p.TotalInvestment!.Value) : counted.Count;
    }

    /// <summary>The zone's qualifying projects that carry no date: shown beside the count, not in it.</summary>
    public IReadOnlyList<string> UndatedOf(string zone, string indicator, string lang = "zh") =>
        Rules.TryGetValue(indicator, out var rule)
            ? Projects.Where(p => string.Equals(p.Zone, zone, StringComparison.OrdinalIgnoreCase) && p.Date is null && p.TotalInvestment >= rule.Minimum)
                .Select(p => lang == "en"
                    ? $"{UnitCatalogue.Name(p.NameZh, p.NameEn, lang)} ({UnitCatalogue.Format(p.TotalInvestment!.Value, "亿元", lang)})"
                    : $"{p.NameZh}（{p.TotalInvestment:0.##}亿元）").ToList()
            : [];

    /// <summary>
    /// projects.csv: id,zone,nameZh,totalInvestment,unit,… with optional nameEn and date columns (YYYY or YYYY-MM; "year" is
    /// read too). Each row it cannot take is named in a finding; the zone must be registered.
    /// </summary>
    public static IReadOnlyList<Project> Read(ITableFileReader tables, string csvText, Registry.ZoneRegistry? registry, List<Finding> findings)
    {
        var table = tables.ReadRecords(csvText, TableOptions.Lenient);
        if (!table.HasHeader) throw new InvalidDataException("项目库文件没有表头 / The project registry has no header row");
        var list = new List<Project>();
        foreach (var record in table.Records)
        {
            var row = record.Row;
            string? F(string name) => string.IsNullOrWhiteSpace(record[name]) ? null : record[name];
            var zoneText = F("zone");
            var zone = registry is null ? zoneText : registry.FindZone(zoneText)?.Id;
            if (zone is null) { findings.Add(Bad(row, "unknown-zone", "zone", zoneText)); continue; }
            decimal? amount = null;
            if (F("totalinvestment") is { } inv)
            {
                if (!ValueParser.TryParse(inv, out var a, out _)) { findings.Add(Bad(row, "bad-value", "totalInvestment", inv)); continue; }
                amount = a;
            }
            Period? date = null;
            var dateText = F("date") ?? F("year");
            if (dateText is not null)
            {
                if (!Period.TryParse(dateText.Length > 7 ? dateText[..7] : dateText, out var d)) { findings.Add(Bad(row, "bad-date", "date", dateText)); continue; }
                date = d;
            }
            var id = F("id") ?? $"row-{row}";
            if (StorageKey.CheckRow(id, row, "id", "项目 id", "project id") is { } badKey) { findings.Add(badKey); continue; }
            var nameZh = F("namezh") ?? id;
            // A project is a proper name English views print: without nameEn it is reported, and shown marked.
            if (F("nameen") is not { } nameEn) findings.Add(MissingEnglishName.Finding(row, "nameEn", nameZh, zone));
            list.Add(new Project(id, zone, nameZh, amount, date, F("source"), F("nameen")));
        }
        return list;
    }

    /// <summary>Reads a registry file that must be clean (tests, the seeds): throws on the first problem.</summary>
    public static ProjectRegistry Read(ITableFileReader tables, string csvText)
    {
        var findings = new List<Finding>();
        var list = Read(tables, csvText, null, findings);
        if (findings.Any(f => f.Severity == Severity.Error)) throw new InvalidDataException(string.Join("; ", findings.Select(f => f.Message)));
        return new ProjectRegistry(list);
    }

    private static Finding Bad(int row, string code, string column, string? value) => new()
    {
        Code = code, Row = row, Column = column,
        MessageZh = $"第 {row} 行：列「{column}」的值「{value}」无效", MessageEn = $"Row {row}: invalid {column} '{value}'",
    };
}
