using System.Globalization;
using Azure.Data.Tables;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Storage.Observations;

/// <summary>
/// fzObservations: PartitionKey "{period}|{indicator}", RowKey zone id. One partition holds one indicator's
/// figures of one period across all zones, which is what a ranking reads; see docs/storage.md.
/// </summary>
internal static class ObservationEntity
{
    public static string PartitionKey(Period period, string indicator) => $"{period}|{indicator}";

    public static TableEntity ToEntity(Observation o) => new(PartitionKey(o.Period, o.Indicator), o.Zone)
    {
        ["Zone"] = o.Zone,
        ["Indicator"] = o.Indicator,
        ["Period"] = o.Period.ToString(),
        // Kept as invariant text so 9.39 stays 9.39, not 9.3900000000000006.
        ["Value"] = o.Value?.ToString(CultureInfo.InvariantCulture),
        ["Yoy"] = o.Yoy?.ToString(CultureInfo.InvariantCulture),
        ["ChangePoints"] = o.ChangePoints?.ToString(CultureInfo.InvariantCulture),
        ["Change"] = o.Change?.ToString(CultureInfo.InvariantCulture),
        ["Source"] = o.Source,
        ["SourceFile"] = o.SourceFile,
        ["ImportId"] = o.ImportId,
    };

    /// <summary>The entity's figure; with <paramref name="shared"/>, its repeated texts as one instance each across the read.</summary>
    public static Observation FromEntity(TableEntity e, SharedStrings? shared = null)
    {
        string? Text(string name) => shared is null ? e.GetString(name) : shared.Of(e.GetString(name));
        return new()
        {
            Zone = Text("Zone") ?? e.RowKey,
            Indicator = Text("Indicator")!,
            Period = Period.Parse(e.GetString("Period")),
            Value = Dec(e.GetString("Value")),
            Yoy = Dec(e.GetString("Yoy")),
            ChangePoints = Dec(e.GetString("ChangePoints")),
            Change = Dec(e.GetString("Change")),
            Source = Text("Source"),
            SourceFile = Text("SourceFile"),
            ImportId = Text("ImportId"),
        };
    }

    private static decimal? Dec(string? s) => s is null ? null : decimal.Parse(s, CultureInfo.InvariantCulture);
}
