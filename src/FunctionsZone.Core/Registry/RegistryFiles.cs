using System.Text.Json;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Registry;

/// <summary>Reads the registry files (zones.json, groups.json, indicators.json) of seeds/ or a drop folder.</summary>
public static class RegistryFiles
{
    public static IReadOnlyList<Zone> ReadZones(string json) => Read<Zone>(json, "zones.json");
    public static IReadOnlyList<Group> ReadGroups(string json) => Read<Group>(json, "groups.json");
    public static IReadOnlyList<Indicator> ReadIndicators(string json) => Read<Indicator>(json, "indicators.json");

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
