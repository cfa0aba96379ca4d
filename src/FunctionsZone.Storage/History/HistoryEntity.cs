using System.Globalization;
using Azure.Data.Tables;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.History;

namespace FunctionsZone.Storage.History;

/// <summary>
/// fzHistory: PartitionKey "{zone}|{indicator}|{period}" (one figure's changes), RowKey "{old import id}~{sha8 of the
/// new file}". The RowKey names the transition, not the moment: an import retried after a crash writes the same
/// row again instead of a second one, while A → B → A again gives three rows. See docs/storage.md.
/// </summary>
internal static class HistoryEntity
{
    public static string PartitionKey(string zone, string indicator, Period period) => $"{zone}|{indicator}|{period}";

    public static string RowKey(string? oldImportId, string? newImportId)
    {
        // Import ids are "{utc time}-{first 8 hex of the file's SHA-256}"; a write outside an import has none.
        var sha8 = newImportId is null ? "none" : newImportId[(newImportId.LastIndexOf('-') + 1)..];
        return $"{oldImportId ?? "none"}~{sha8}";
    }

    public static TableEntity ToEntity(Observation old, Observation @new, DateTimeOffset at) =>
        new(PartitionKey(@new.Zone, @new.Indicator, @new.Period), RowKey(old.ImportId, @new.ImportId))
        {
            ["Zone"] = @new.Zone,
            ["Indicator"] = @new.Indicator,
            ["Period"] = @new.Period.ToString(),
            ["OldValue"] = Text(old.Value),
            ["NewValue"] = Text(@new.Value),
            ["OldYoy"] = Text(old.Yoy),
            ["NewYoy"] = Text(@new.Yoy),
            ["OldImportId"] = old.ImportId,
            ["ImportId"] = @new.ImportId,
            ["OldSourceFile"] = old.SourceFile,
            ["SourceFile"] = @new.SourceFile,
            ["ChangedAt"] = at,
        };

    public static ValueChange FromEntity(TableEntity e) => new()
    {
        Zone = e.GetString("Zone"),
        Indicator = e.GetString("Indicator"),
        Period = e.GetString("Period"),
        OldValue = Dec(e.GetString("OldValue")),
        NewValue = Dec(e.GetString("NewValue")),
        OldYoy = Dec(e.GetString("OldYoy")),
        NewYoy = Dec(e.GetString("NewYoy")),
        OldImportId = e.GetString("OldImportId"),
        ImportId = e.GetString("ImportId") ?? "",
        OldSourceFile = e.GetString("OldSourceFile"),
        SourceFile = e.GetString("SourceFile"),
        ChangedAt = e.GetDateTimeOffset("ChangedAt") ?? e.Timestamp ?? default,
    };

    private static string? Text(decimal? d) => d?.ToString(CultureInfo.InvariantCulture);
    private static decimal? Dec(string? s) => s is null ? null : decimal.Parse(s, CultureInfo.InvariantCulture);
}
