using System.Text.Json;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Registry;

/// <summary>Reads the registry files (zones.json, groups.json, indicators.json) of seeds/ or a drop folder.</summary>
public static class RegistryFiles
{
    public static IReadOnlyList<Zone> ReadZones(string json) => Keyed(Read<Zone>(json, "zones.json"), "zones.json", z => z.Id, "开发区 id", "zone id");
    public static IReadOnlyList<Group> ReadGroups(string json) => Keyed(Read<Group>(json, "groups.json"), "groups.json", g => g.Id, "比较组 id", "group id");
    public static IReadOnlyList<Indicator> ReadIndicators(string json) =>
        Keyed(Read<Indicator>(json, "indicators.json"), "indicators.json", i => i.Code, "指标代码", "indicator code");

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
