using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace FunctionsZone.Core.Targets;

/// <summary>A project of the registry (seeds/projects.csv): total investment in 亿元, empty where not stated.</summary>
public sealed record Project(string Id, string Zone, string NameZh, decimal? TotalInvestment, int? Year = null);

/// <summary>
/// Count targets from a project registry: 过亿项目 = projects of ≥ 1亿元, 10亿元以上 = ≥ 10亿元, 总投资 = their sum.
/// A project without a stated investment (敬业集团) counts in no threshold and adds nothing to a sum.
/// </summary>
public sealed class ProjectRegistry(IReadOnlyList<Project> projects)
{
    public IReadOnlyList<Project> Projects { get; } = projects;

    /// <summary>Which target indicator reads what from the registry: (minimum investment in 亿元, count or sum).</summary>
    public static readonly IReadOnlyDictionary<string, (decimal Minimum, bool Sum)> Rules = new Dictionary<string, (decimal, bool)>
    {
        ["projects_1yi"] = (1m, false), ["projects_10yi"] = (10m, false), ["projects_investment"] = (1m, true),
    };

    public decimal? ActualOf(string zone, string indicator, int year)
    {
        if (!Rules.TryGetValue(indicator, out var rule)) return null;
        var qualifying = Projects.Where(p => string.Equals(p.Zone, zone, StringComparison.OrdinalIgnoreCase) && (p.Year is null || p.Year == year)
                                             && p.TotalInvestment >= rule.Minimum).ToList();
        return rule.Sum ? qualifying.Sum(p => p.TotalInvestment!.Value) : qualifying.Count;
    }

    /// <summary>projects.csv: id,zone,nameZh,totalInvestment,unit,… (an optional year column limits a project to a year).</summary>
    public static ProjectRegistry Read(string csvText)
    {
        using var csv = new CsvReader(new StringReader(csvText), new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null });
        csv.Read();
        csv.ReadHeader();
        var list = new List<Project>();
        while (csv.Read())
        {
            var inv = csv.GetField("totalInvestment");
            decimal? amount = null;
            if (!string.IsNullOrWhiteSpace(inv))
            {
                if (!decimal.TryParse(inv, NumberStyles.Float, CultureInfo.InvariantCulture, out var a))
                    throw new InvalidDataException($"projects.csv 第 {csv.Parser.Row} 行：总投资「{inv}」不是数字 / projects.csv row {csv.Parser.Row}: totalInvestment '{inv}' is not a number");
                amount = a;
            }
            int? year = csv.HeaderRecord!.Contains("year") && int.TryParse(csv.GetField("year"), out var y) ? y : null;
            list.Add(new Project(csv.GetField("id")!, csv.GetField("zone")!, csv.GetField("nameZh")!, amount, year));
        }
        return new ProjectRegistry(list);
    }
}
