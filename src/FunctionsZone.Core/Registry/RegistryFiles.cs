using System.Text.Json;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Registry;

/// <summary>Reads the registry files (zones.json, groups.json, indicators.json) of seeds/ or a drop folder.</summary>
public static class RegistryFiles
{
    public static IReadOnlyList<Zone> ReadZones(string json) =>
        Unambiguous(Keyed(Read<Zone>(json, "zones.json"), "zones.json", z => z.Id, "开发区 id", "zone id"), "zones.json", "开发区", "zone", z => z.Id, z => [z.NameZh, z.NameEn, .. z.NameAliases]);
    public static IReadOnlyList<Group> ReadGroups(string json) =>
        Unambiguous(Keyed(Read<Group>(json, "groups.json"), "groups.json", g => g.Id, "比较组 id", "group id"), "groups.json", "排名组", "group", g => g.Id, g => [g.NameZh, g.NameEn]);
    public static IReadOnlyList<Indicator> ReadIndicators(string json) =>
        Computable(Unambiguous(Keyed(Read<Indicator>(json, "indicators.json"), "indicators.json", i => i.Code, "指标代码", "indicator code"), "indicators.json", "指标", "indicator", i => i.Code, i => [i.NameZh, i.NameEn, .. i.Aliases]));

    /// <summary>
    /// Every id, name and alias that resolves to two entries (ZoneRegistry.KeyOf): one alias on two zones, or a new zone
    /// whose alias is an existing zone's 中文名. A file states the whole list, so the existing entries are in it too.
    /// Without this the lookup would take the first, and rows for one zone would be stored under the other.
    /// </summary>
    public static IReadOnlyList<Finding> Ambiguities<T>(IReadOnlyList<T> items, string file, string whatZh, string whatEn,
        Func<T, string> id, Func<T, IEnumerable<string?>> names)
    {
        var findings = new List<Finding>();
        var owner = new Dictionary<string, (int Item, string Id, string Name)>(StringComparer.OrdinalIgnoreCase);
        for (var n = 0; n < items.Count; n++)
        {
            var itemId = id(items[n]);
            foreach (var name in names(items[n]).Prepend(itemId).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim()))
            {
                var key = ZoneRegistry.KeyOf(name);
                if (!owner.TryGetValue(key, out var first)) { owner[key] = (n + 1, itemId, name); continue; }
                if (string.Equals(first.Id, itemId, StringComparison.OrdinalIgnoreCase)) continue;
                findings.Add(new Finding
                {
                    Code = "ambiguous-name", Row = n + 1, Column = "name",
                    MessageZh = $"{file} 第 {n + 1} 项「{itemId}」的名称或别名「{name}」与第 {first.Item} 项「{first.Id}」的「{first.Name}」相同：一个名称只能指向一个{whatZh}，文件未导入",
                    MessageEn = $"{file} item {n + 1} '{itemId}': the name or alias '{name}' is also '{first.Name}' of item {first.Item} '{first.Id}'; a name must resolve to one {whatEn}, the file was not imported",
                });
            }
        }
        return findings;
    }

    private static IReadOnlyList<T> Unambiguous<T>(IReadOnlyList<T> items, string file, string whatZh, string whatEn,
        Func<T, string> id, Func<T, IEnumerable<string?>> names)
    {
        var findings = Ambiguities(items, file, whatZh, whatEn, id, names);
        if (findings.Count == 0) return items;
        var clash = new AmbiguousNameException(findings);
        throw new InvalidDataException(clash.Message, clash);
    }

    /// <summary>Every derived definition can be computed (DerivedDefinitions), else the file is refused naming each one.</summary>
    private static IReadOnlyList<Indicator> Computable(IReadOnlyList<Indicator> indicators)
    {
        var findings = DerivedDefinitions.Check(indicators);
        if (findings.Count == 0) return indicators;
        var refused = new UncomputableDerivedException(findings);
        throw new InvalidDataException(refused.Message, refused);
    }

    /// <summary>Every entry's id can be a storage key (StorageKey), else the file is refused naming the entry: nothing is written.</summary>
    private static IReadOnlyList<T> Keyed<T>(IReadOnlyList<T> items, string file, Func<T, string?> id, string whatZh, string whatEn)
    {
        for (var i = 0; i < items.Count; i++)
            if (StorageKey.Check(id(items[i]), whatZh, whatEn, $"{file} 第 {i + 1} 项", $"{file} entry {i + 1}", column: "id") is { } bad)
                throw StorageKey.Refusal(bad with { Row = i + 1 });
        return items;
    }

    public static ZoneRegistry LoadFolder(string folder) => new(
        ReadZones(File.ReadAllText(Path.Combine(folder, "zones.json"))),
        ReadGroups(File.ReadAllText(Path.Combine(folder, "groups.json"))),
        ReadIndicators(File.ReadAllText(Path.Combine(folder, "indicators.json"))));

    private static IReadOnlyList<T> Read<T>(string json, string file)
    {
        try
        {
            return JsonSerializer.Deserialize<List<T>>(json, Json.Options) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} 格式错误（{e.Path}，第 {e.LineNumber + 1} 行）：{e.Message} / {file} is malformed at {e.Path}, line {e.LineNumber + 1}: {e.Message}", e);
        }
    }
}

/// <summary>
/// The inner exception of the InvalidDataException a registry file with an ambiguous name raises (so an import refuses
/// it and stores nothing, as for malformed JSON); Findings name each clash (item, both ids).
/// </summary>
public sealed class AmbiguousNameException(IReadOnlyList<Finding> findings)
    : Exception(string.Join("; ", findings.Select(f => $"{f.MessageZh} / {f.MessageEn}")))
{
    public IReadOnlyList<Finding> Findings { get; } = findings;
}
