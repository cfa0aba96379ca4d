using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Domain;

/// <summary>A unit: the dimension it measures and how many base units one of it is (1 万吨 = 10,000,000 千克).</summary>
public sealed record UnitDefinition(string Symbol, string Dimension, decimal Factor, string DimensionZh, params string[] Synonyms);

/// <summary>
/// Every unit the ingest converts, as data: one row per unit with its dimension, its factor to the dimension's base
/// unit and its synonyms (千克 = 公斤). A value converts only within one dimension; a unit not listed here, or one of
/// another dimension than the indicator's, is refused (docs/ingest.md §4 lists this table).
/// </summary>
public static class Units
{
    public static IReadOnlyList<UnitDefinition> All { get; } =
    [
        // 人口 people — base 人
        new("人", "people", 1m, "人数"), new("万人", "people", 1e4m, "人数"),
        // 户数 households — base 户
        new("户", "households", 1m, "户数"), new("万户", "households", 1e4m, "户数"),
        // 面积 area — base 亩; 1 公顷 = 15 亩 exactly, 1 平方公里 = 100 公顷
        new("亩", "area", 1m, "面积"), new("万亩", "area", 1e4m, "面积"),
        new("公顷", "area", 15m, "面积"), new("千公顷", "area", 15_000m, "面积"),
        new("平方公里", "area", 1_500m, "面积", "平方千米", "km²", "km2"),
        // 质量 mass — base 千克; 1 斤 = 0.5 千克
        new("千克", "mass", 1m, "质量", "公斤", "kg"), new("吨", "mass", 1_000m, "质量"), new("万吨", "mass", 1e7m, "质量"),
        new("斤", "mass", 0.5m, "质量"), new("万斤", "mass", 5_000m, "质量"), new("亿斤", "mass", 5e7m, "质量"),
        // 人民币 money in yuan — base 元
        new("元", "cny", 1m, "人民币金额", "人民币元"), new("万元", "cny", 1e4m, "人民币金额"), new("亿元", "cny", 1e8m, "人民币金额"),
        // 美元 money in US dollars — base 美元
        new("美元", "usd", 1m, "美元金额"), new("万美元", "usd", 1e4m, "美元金额"), new("亿美元", "usd", 1e8m, "美元金额"),
        // 计数 counts of firms, projects, platforms, patents
        new("个", "count", 1m, "计数"), new("家", "count", 1m, "计数"), new("项", "count", 1m, "计数"), new("件", "count", 1m, "计数"),
        // 百分比 percent, and a change of a percentage (个百分点) — not interchangeable
        new("%", "percent", 1m, "百分比", "百分比", "百分数"),
        new("个百分点", "percentage-points", 1m, "百分点", "百分点", "pp"),
        // 亩均 amounts per mu
        new("元/亩", "cny-per-mu", 1m, "每亩金额"), new("万元/亩", "cny-per-mu", 1e4m, "每亩金额"),
    ];

    private static readonly Dictionary<string, UnitDefinition> BySymbol = All
        .SelectMany(u => u.Synonyms.Prepend(u.Symbol).Select(s => (Key: Clean(s), Unit: u)))
        .ToDictionary(x => x.Key, x => x.Unit, StringComparer.OrdinalIgnoreCase);

    /// <summary>The unit written as <paramref name="text"/> (a symbol or a synonym, full-width or in brackets); null if unknown.</summary>
    public static UnitDefinition? Find(string? text) =>
        text is not null && BySymbol.TryGetValue(Clean(text), out var u) ? u : null;

    /// <summary>"（万元）", "万 元", "ｋｇ" → "万元", "万元", "kg".</summary>
    public static string Clean(string unit) =>
        ValueParser.Normalise(unit).Trim().Trim('(', ')', '（', '）').Replace(" ", "");
}
