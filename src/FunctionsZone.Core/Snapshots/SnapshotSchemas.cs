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

    /// <summary>The schema a snapshot file (path inside a version, or "latest.json") conforms to.</summary>
    public static string? SchemaFor(string path) => path switch
    {
        "latest.json" => "latest.schema.json",
        "manifest.json" => "manifest.schema.json",
        "registry/zones.json" => "zones.schema.json",
        "registry/groups.json" => "groups.schema.json",
        "registry/indicators.json" => "indicators.schema.json",
        "registry/schemes.json" => "schemes.schema.json",
        "official-ranks.json" => "official-ranks.schema.json",
        _ when path.StartsWith("schemas/", StringComparison.Ordinal) => null,
        _ when Briefing.BriefingPublisher.IsBriefing(path) => null, // Markdown and Word, not JSON
        _ when path.StartsWith("periods/", StringComparison.Ordinal) && path.Contains("/zones/", StringComparison.Ordinal) => "zone-page.schema.json",
        _ when path.StartsWith("periods/", StringComparison.Ordinal) => Path.GetFileName(path).Replace(".json", ".schema.json"),
        _ => null,
    };
}
