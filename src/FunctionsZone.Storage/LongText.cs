using Azure.Data.Tables;

namespace FunctionsZone.Storage;

/// <summary>
/// Text longer than a string property holds (32K characters) kept in parts Json, Json1, Json2 … with Parts = how many
/// (an entity holds 1 MB): scheme files, a zone's targets of a year.
/// </summary>
internal static class LongText
{
    public const int PartLength = 30_000;

    public static void Write(TableEntity entity, string text)
    {
        var parts = text.Length == 0 ? [""] : text.Chunk(PartLength).Select(c => new string(c)).ToList();
        for (var i = 0; i < parts.Count; i++) entity[i == 0 ? "Json" : $"Json{i}"] = parts[i];
        entity["Parts"] = parts.Count;
    }

    public static string Read(TableEntity e) =>
        string.Concat(Enumerable.Range(0, e.GetInt32("Parts") ?? 1).Select(i => e.GetString(i == 0 ? "Json" : $"Json{i}")));
}
