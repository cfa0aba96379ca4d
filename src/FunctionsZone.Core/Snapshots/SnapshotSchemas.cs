using System.Reflection;

namespace FunctionsZone.Core.Snapshots;

/// <summary>
/// The JSON Schema of every snapshot document. The files live in docs/schemas and are embedded here, so the
/// schemas published with a version are exactly the documented ones.
/// </summary>
public static class SnapshotSchemas
{
    private const string Prefix = "schemas/";

    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        var asm = typeof(SnapshotSchemas).Assembly;
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var s = asm.GetManifestResourceStream(name)!;
            using var m = new MemoryStream();
            s.CopyTo(m);
            yield return (name[Prefix.Length..], m.ToArray());
        }
    }

    /// <summary>The schema a snapshot file (path inside a version, or SnapshotLayout.Latest) conforms to.</summary>
    public static string? SchemaFor(string path) => path switch
    {
        SnapshotLayout.Latest => "latest.schema.json",
        SnapshotLayout.ManifestFile => "manifest.schema.json",
        SnapshotLayout.Zones => "zones.schema.json",
        SnapshotLayout.Groups => "groups.schema.json",
        SnapshotLayout.Indicators => "indicators.schema.json",
        SnapshotLayout.Schemes => "schemes.schema.json",
        SnapshotLayout.OfficialRanks => "official-ranks.schema.json",
        _ when path.StartsWith("schemas/", StringComparison.Ordinal) => null,
        _ when SnapshotLayout.IsBriefing(path) => null, // Markdown and Word, not JSON
        _ when SnapshotLayout.IsZonePage(path) => "zone-page.schema.json",
        _ when path.StartsWith(SnapshotLayout.PeriodsPrefix, StringComparison.Ordinal) => Path.GetFileName(path).Replace(".json", ".schema.json"),
        _ => null,
    };
}
