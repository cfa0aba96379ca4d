using System.Text.Json;

namespace FunctionsZone.Core.Evaluation;

/// <summary>
/// The evaluation schemes: seeds/schemes/*.json, embedded in Core at build time (so every host has the same ones),
/// or read from a folder. A scheme is found by its id or its 中文名.
/// </summary>
public sealed class SchemeCatalog(IReadOnlyList<Scheme> schemes)
{
    public IReadOnlyList<Scheme> Schemes { get; } = schemes;

    private static readonly Lazy<SchemeCatalog> _builtIn = new(() =>
    {
        var asm = typeof(SchemeCatalog).Assembly;
        var list = asm.GetManifestResourceNames().Where(n => n.StartsWith("schemes/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var s = asm.GetManifestResourceStream(n)!;
                return Parse(new StreamReader(s).ReadToEnd(), n);
            }).ToList();
        return new SchemeCatalog(list);
    });

    public static SchemeCatalog BuiltIn => _builtIn.Value;

    public static SchemeCatalog LoadFolder(string folder) => new(Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
        .Select(f => Parse(File.ReadAllText(f), Path.GetFileName(f))).ToList());

    public Scheme? Find(string? idOrName)
    {
        if (string.IsNullOrWhiteSpace(idOrName)) return null;
        var key = idOrName.Trim();
        return Schemes.FirstOrDefault(s => string.Equals(s.Id, key, StringComparison.OrdinalIgnoreCase))
               ?? Schemes.FirstOrDefault(s => s.NameZh == key || string.Equals(s.NameEn, key, StringComparison.OrdinalIgnoreCase) || s.Aliases.Contains(key));
    }

    public Scheme Get(string idOrName) => Find(idOrName) ?? throw new Registry.LookupException(
        $"未知的评价方案：'{idOrName}'（可用：{string.Join("、", Schemes.Select(s => $"{s.Id} {s.NameZh}"))}） / Unknown scheme '{idOrName}' (known: {string.Join(", ", Schemes.Select(s => s.Id))})",
        "unknown-scheme", idOrName);

    /// <summary>Parses and checks one scheme file; problems name the file and the field, in Chinese and English.</summary>
    public static Scheme Parse(string json, string file)
    {
        Scheme? scheme;
        try
        {
            scheme = JsonSerializer.Deserialize<Scheme>(json, Json.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"评价方案 {file} 格式错误（{e.Path}，第 {e.LineNumber + 1} 行）：{e.Message} / Scheme {file} is malformed at {e.Path}, line {e.LineNumber + 1}: {e.Message}", e);
        }
        if (scheme is null) throw new InvalidDataException($"评价方案 {file} 为空 / Scheme {file} is empty");
        var problems = new List<string>();
        if (scheme.Categories.Count == 0) problems.Add("没有类别 / no categories");
        foreach (var c in scheme.Categories)
        {
            if (c.Weight < 0) problems.Add($"类别 {c.Id} 权重为负 / category {c.Id} has a negative weight");
            if (c.Indicators.Count == 0) problems.Add($"类别 {c.Id} 没有指标 / category {c.Id} has no indicators");
            foreach (var i in c.Indicators)
            {
                if (i.Weight < 0) problems.Add($"指标 {i.Key} 权重为负 / indicator {i.Key} has a negative weight");
                if (i.Direction is not (null or "higher" or "lower")) problems.Add($"指标 {i.Key} 的 direction 应为 higher 或 lower / indicator {i.Key}: direction must be higher or lower");
            }
        }
        var dup = scheme.AllIndicators.GroupBy(x => x.Indicator.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (dup.Count > 0) problems.Add($"指标重复：{string.Join(", ", dup)} / duplicate indicators: {string.Join(", ", dup)}");
        if (scheme.Uncertainty.Draws is < 1 or > 100_000) problems.Add("uncertainty.draws 应在 1–100000 / uncertainty.draws must be 1–100000");
        if (scheme.Uncertainty.WeightRange is < 0 or >= 1) problems.Add("uncertainty.weightRange 应在 [0, 1) / uncertainty.weightRange must be in [0, 1)");
        if (problems.Count > 0)
            throw new InvalidDataException($"评价方案 {file}（{scheme.Id}）有误 / Scheme {file} ({scheme.Id}) is invalid: {string.Join("; ", problems)}");
        return scheme;
    }
}
