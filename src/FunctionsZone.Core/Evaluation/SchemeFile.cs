using System.Reflection;
using System.Text.Json;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Evaluation;

/// <summary>
/// A scheme file (docs/methods.md §10): recognised by its content, read and checked with findings that name the field
/// by its JSON path (categories[2].indicators[0].direction), in Chinese and English. Indicators and the group are
/// checked against the registry the user ingested.
/// </summary>
public static class SchemeFile
{
    /// <summary>The scheme, or null with at least one error finding. A registry, when given, must know every indicator and the group.</summary>
    public static Scheme? Read(string text, string file, List<Finding> findings, ZoneRegistry? registry = null)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text.TrimStart('\uFEFF'), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            findings.Add(Error("malformed-scheme", $"line {e.LineNumber + 1}",
                $"评价方案 {file} 不是有效的 JSON（第 {e.LineNumber + 1} 行）：{e.Message}", $"Scheme {file} is not valid JSON (line {e.LineNumber + 1}): {e.Message}"));
            return null;
        }
        using (doc)
        {
            var before = findings.Count;
            CheckShape(doc.RootElement, findings);
            if (findings.Skip(before).Any(f => f.Severity == Severity.Error)) return null;
            Scheme scheme;
            try
            {
                scheme = doc.RootElement.Deserialize<Scheme>(Json.Options)!;
            }
            catch (JsonException e)
            {
                var field = (e.Path ?? "$").TrimStart('$', '.');
                findings.Add(Error("bad-scheme-field", field, $"评价方案 {file} 的字段「{field}」无效：{e.Message}", $"Scheme {file}: field '{field}' is invalid: {e.Message}"));
                return null;
            }
            CheckValues(scheme, findings, registry);
            return findings.Skip(before).Any(f => f.Severity == Severity.Error) ? null : scheme;
        }
    }

    /// <summary>Parses a scheme known to be good (a stored one); throws with the findings otherwise.</summary>
    public static Scheme Parse(string text, string file)
    {
        var findings = new List<Finding>();
        return Read(text, file, findings) ?? throw new InvalidDataException(
            $"评价方案 {file} 有误 / Scheme {file} is invalid: {string.Join("; ", findings.Where(f => f.Severity == Severity.Error).Select(f => f.Message))}");
    }

    private static readonly HashSet<string> SchemeFields = FieldsOf<Scheme>(), CategoryFields = FieldsOf<SchemeCategory>(),
        IndicatorFields = FieldsOf<SchemeIndicator>(), UncertaintyFields = FieldsOf<Uncertainty>(), WeakPointFields = FieldsOf<WeakPointRule>();

    private static HashSet<string> FieldsOf<T>() => typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null)
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Required fields present, arrays where arrays belong, unknown fields named (a typo would otherwise be ignored).</summary>
    private static void CheckShape(JsonElement root, List<Finding> findings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            findings.Add(Error("bad-scheme-field", "$", "评价方案应为一个 JSON 对象", "A scheme is one JSON object"));
            return;
        }
        Unknown(root, "", SchemeFields, findings);
        RequireText(root, "", "id", findings);
        RequireText(root, "", "nameZh", findings);
        if (root.TryGetProperty("uncertainty", out var u) && u.ValueKind == JsonValueKind.Object) Unknown(u, "uncertainty", UncertaintyFields, findings);
        if (root.TryGetProperty("weakPoints", out var w) && w.ValueKind == JsonValueKind.Object) Unknown(w, "weakPoints", WeakPointFields, findings);
        Categories(root, "", findings);
    }

    private static void Categories(JsonElement parent, string path, List<Finding> findings)
    {
        var here = Join(path, "categories");
        if (!parent.TryGetProperty("categories", out var cats) || cats.ValueKind != JsonValueKind.Array || cats.GetArrayLength() == 0)
        {
            if (path.Length == 0) findings.Add(Error("scheme-no-categories", here, "方案没有类别（categories 应为非空数组）", "The scheme has no categories (categories must be a non-empty array)"));
            return;
        }
        var i = 0;
        foreach (var c in cats.EnumerateArray())
        {
            var at = $"{here}[{i++}]";
            if (c.ValueKind != JsonValueKind.Object) { findings.Add(Error("bad-scheme-field", at, $"「{at}」应为对象", $"'{at}' must be an object")); continue; }
            Unknown(c, at, CategoryFields, findings);
            RequireText(c, at, "id", findings);
            var hasIndicators = c.TryGetProperty("indicators", out var inds) && inds.ValueKind == JsonValueKind.Array && inds.GetArrayLength() > 0;
            var hasChildren = c.TryGetProperty("categories", out var sub) && sub.ValueKind == JsonValueKind.Array && sub.GetArrayLength() > 0;
            if (hasIndicators == hasChildren)
                findings.Add(Error("scheme-category-shape", at,
                    $"类别「{at}」应有 indicators 或 categories 之一（且非空）", $"Category '{at}' must have either indicators or categories (non-empty), not {(hasIndicators ? "both" : "neither")}"));
            if (hasChildren) Categories(c, at, findings);
            if (!hasIndicators) continue;
            var j = 0;
            foreach (var ind in inds.EnumerateArray())
            {
                var ip = $"{at}.indicators[{j++}]";
                if (ind.ValueKind != JsonValueKind.Object) { findings.Add(Error("bad-scheme-field", ip, $"「{ip}」应为对象", $"'{ip}' must be an object")); continue; }
                Unknown(ind, ip, IndicatorFields, findings);
                RequireText(ind, ip, "indicator", findings);
            }
        }
    }

    private static void CheckValues(Scheme s, List<Finding> findings, ZoneRegistry? registry)
    {
        if (StorageKey.Check(s.Id, "方案 id", "scheme id", "方案", "Scheme", column: "id", code: "bad-scheme-field") is { } badKey) findings.Add(badKey);
        if (s.Group is { } g && registry is not null && registry.FindGroup(g) is null)
            findings.Add(Error("unknown-group", "group", $"比较组「{g}」不在已导入的 groups.json 中", $"Group '{g}' is not in the groups.json ingested"));
        if (s.MinCoverage is < 0 or > 1) findings.Add(Error("bad-scheme-field", "minCoverage", "minCoverage 应在 0–1 之间", "minCoverage must be within 0–1"));
        if (s.RankDecimals is < 0 or > 15) findings.Add(Error("bad-scheme-field", "rankDecimals", "rankDecimals 应在 0–15 之间", "rankDecimals must be within 0–15"));
        if (s.Uncertainty.Draws is < 1 or > 100_000) findings.Add(Error("bad-scheme-field", "uncertainty.draws", "uncertainty.draws 应在 1–100000", "uncertainty.draws must be 1–100000"));
        if (s.Uncertainty.WeightRange is < 0 or >= 1) findings.Add(Error("bad-scheme-field", "uncertainty.weightRange", "uncertainty.weightRange 应在 [0, 1)", "uncertainty.weightRange must be in [0, 1)"));
        if (s.WeakPoints.MaxCount < 1) findings.Add(Error("bad-scheme-field", "weakPoints.maxCount", "weakPoints.maxCount 应为正整数", "weakPoints.maxCount must be a positive integer"));
        if (s.WeakPoints.ShareOfLoss is <= 0 or > 1) findings.Add(Error("bad-scheme-field", "weakPoints.shareOfLoss", "weakPoints.shareOfLoss 应在 (0, 1]", "weakPoints.shareOfLoss must be in (0, 1]"));
        var categoryIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Walk(IReadOnlyList<SchemeCategory> level, string path)
        {
            for (var ci = 0; ci < level.Count; ci++)
            {
                var c = level[ci];
                var at = Join(path, $"categories[{ci}]");
                if (!categoryIds.Add(c.Id)) findings.Add(Error("duplicate-category", $"{at}.id", $"类别 id「{c.Id}」重复", $"Category id '{c.Id}' appears twice"));
                if (c.Weight < 0) findings.Add(Error("negative-weight", $"{at}.weight", $"类别「{c.DisplayName}」权重为负", $"Category '{c.Id}' has a negative weight"));
                Walk(c.Categories, at);
                for (var ii = 0; ii < c.Indicators.Count; ii++) Indicator(c.Indicators[ii], $"{at}.indicators[{ii}]");
            }
        }
        void Indicator(SchemeIndicator i, string at)
        {
            if (!keys.Add(i.Key)) findings.Add(Error("duplicate-indicator", $"{at}.indicator", $"指标「{i.Key}」在方案中重复", $"Indicator '{i.Key}' appears twice in the scheme"));
            if (registry is not null && registry.FindIndicator(i.Indicator) is null)
                findings.Add(Error("unknown-indicator", $"{at}.indicator", $"指标「{i.Indicator}」不在已导入的 indicators.json 中", $"Indicator '{i.Indicator}' is not in the indicators.json ingested"));
            if (i.Weight < 0) findings.Add(Error("negative-weight", $"{at}.weight", $"指标「{i.Key}」权重为负", $"Indicator '{i.Key}' has a negative weight"));
            if (i.Direction is not (null or "higher" or "lower"))
                findings.Add(Error("bad-scheme-field", $"{at}.direction", $"指标「{i.Key}」的 direction 应为 higher 或 lower，不是「{i.Direction}」", $"Indicator '{i.Key}': direction must be higher or lower, not '{i.Direction}'"));
            if (s.Normalisation == Normalisation.Goalposts && (i.Frontier is null || i.Worst is null))
                findings.Add(Error("goalposts-need-bounds", $"{at}.{(i.Frontier is null ? "frontier" : "worst")}",
                    $"goalposts 标准化需要每个指标的 frontier 和 worst：「{i.Key}」缺少", $"goalposts normalisation needs frontier and worst on every indicator: '{i.Key}' lacks one"));
            if (i.Frontier is { } f && i.Worst is { } w && f == w)
                findings.Add(Error("bad-scheme-field", $"{at}.worst", $"指标「{i.Key}」的 frontier 与 worst 相同", $"Indicator '{i.Key}': frontier equals worst"));
        }
        Walk(s.Categories, "");
    }

    private static void RequireText(JsonElement e, string path, string name, List<Finding> findings)
    {
        if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())) return;
        var at = Join(path, name);
        findings.Add(Error("missing-scheme-field", at, $"缺少必填字段「{at}」（非空文本）", $"Required field '{at}' (non-empty text) is missing"));
    }

    private static void Unknown(JsonElement e, string path, HashSet<string> known, List<Finding> findings)
    {
        foreach (var p in e.EnumerateObject())
        {
            if (known.Contains(p.Name) || p.Name.StartsWith('$')) continue;
            var at = Join(path, p.Name);
            findings.Add(new Finding
            {
                Code = "unknown-scheme-field", Severity = Severity.Warning, Column = at,
                MessageZh = $"未知字段「{at}」，已忽略（拼写是否有误？）", MessageEn = $"Unknown field '{at}' was ignored (a typo?)",
            });
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static Finding Error(string code, string field, string zh, string en) => new()
    {
        Code = code, Column = field, MessageZh = $"字段 {field}：{zh}", MessageEn = $"Field {field}: {en}",
    };
}
