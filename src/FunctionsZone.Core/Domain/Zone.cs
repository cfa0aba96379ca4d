namespace FunctionsZone.Core.Domain;

/// <summary>National ETDZ, provincial zone, county-level unit, functional zone, or a city whose own figure is a reference.</summary>
public enum ZoneLevel { National, Provincial, County, Functional, City }

/// <summary>A development zone or reporting unit (开发区 / 县市区).</summary>
public sealed record Zone
{
    public required string Id { get; init; }
    public required string NameZh { get; init; }
    public string NameEn { get; init; } = "";
    public ZoneLevel Level { get; init; }
    public string? Province { get; init; }
    public string? City { get; init; }
    public string? Parent { get; init; }
    /// <summary>Groups this zone is ranked in.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
    /// <summary>Land area in 亩 by year, the denominator of 亩均税收 and 亩均投资强度.</summary>
    public IReadOnlyDictionary<string, decimal> LandAreaMu { get; init; } = new Dictionary<string, decimal>();
    /// <summary>Other names users type (聊城经开区, 开发区 …).</summary>
    public IReadOnlyList<string> NameAliases { get; init; } = [];
    /// <summary>Fields whose values are illustrative rather than taken from a source.</summary>
    public IReadOnlyList<string> Illustrative { get; init; } = [];

    /// <summary>Land area for a year, else the latest earlier year's.</summary>
    public decimal? LandAreaFor(int year)
    {
        decimal? best = null;
        var bestYear = int.MinValue;
        foreach (var (k, v) in LandAreaMu)
        {
            if (int.TryParse(k, out var y) && y <= year && y > bestYear) { best = v; bestYear = y; }
        }
        return best;
    }
}
