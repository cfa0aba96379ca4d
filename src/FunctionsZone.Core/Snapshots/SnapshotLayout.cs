using System.Text;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Snapshots;

/// <summary>
/// What a snapshot path is (docs/snapshots.md): the one place that names the blobs. A version's files live as
/// content-addressed objects ("objects/{sha[..2]}/{sha}{ext}", the SHA-256 of the JSON before gzip), so a file
/// whose bytes did not change is referenced by the next version, not rewritten. A version is its manifest
/// ("versions/{id}/manifest.json": logical path → object); for browsers the same map is split into
/// <see cref="ShardCount"/> small index shards (objects too), named by latest.json. web/src/snapshot.ts mirrors
/// <see cref="ShardOf"/>.
/// </summary>
public static class SnapshotLayout
{
    public const string Latest = "latest.json";
    public const string ObjectsPrefix = "objects/";
    public const string VersionsPrefix = "versions/";
    /// <summary>Versions published before content addressing: every file under "v/{id}/".</summary>
    public const string LegacyVersionsPrefix = "v/";
    public const string ManifestFile = "manifest.json";
    /// <summary>National month (2,720 files): about 43 paths per shard, ~2 KB gzipped each.</summary>
    public const int ShardCount = 64;

    // The logical files of a version (docs/snapshots.md), by every writer and reader; web/src/paths.ts mirrors them.
    public const string Zones = "registry/zones.json";
    public const string Groups = "registry/groups.json";
    public const string Indicators = "registry/indicators.json";
    public const string Schemes = "registry/schemes.json";
    public const string OfficialRanks = "official-ranks.json";
    public const string PeriodsPrefix = "periods/";

    public static string PeriodFolder(string period) => $"{PeriodsPrefix}{period}/";
    public static string Rankings(string period) => PeriodFolder(period) + "rankings.json";
    public static string Rankings(Period period) => Rankings(period.ToString());
    public static string Targets(string period) => PeriodFolder(period) + "targets.json";
    public static string Targets(Period period) => Targets(period.ToString());
    public static string Observations(string period) => PeriodFolder(period) + "observations.json";
    public static string Observations(Period period) => Observations(period.ToString());
    public static string Composite(string period) => PeriodFolder(period) + "composite.json";
    public static string Composite(Period period) => Composite(period.ToString());
    public static string Benchmarks(string period) => PeriodFolder(period) + "benchmarks.json";
    public static string Benchmarks(Period period) => Benchmarks(period.ToString());
    public static string PerMu(string period) => PeriodFolder(period) + "permu.json";
    public static string PerMu(Period period) => PerMu(period.ToString());
    /// <summary>A zone's files of a period without their extension: the page (.json) and its briefing (.briefing.md, .briefing.docx).</summary>
    public static string ZoneStem(string period, string zone) => $"{PeriodFolder(period)}zones/{zone}";
    public static string ZonePage(string period, string zone) => ZoneStem(period, zone) + ".json";
    public static string ZonePage(Period period, string zone) => ZonePage(period.ToString(), zone);
    public const string BriefingMarkdownSuffix = ".briefing.md";
    public const string BriefingDocxSuffix = ".briefing.docx";
    /// <summary>A published briefing (Markdown or Word), not a JSON document.</summary>
    public static bool IsBriefing(string path) =>
        path.EndsWith(BriefingMarkdownSuffix, StringComparison.Ordinal) || path.EndsWith(BriefingDocxSuffix, StringComparison.Ordinal);
    public static string BriefingDocx(string period, string zone) => ZoneStem(period, zone) + BriefingDocxSuffix;
    public static bool IsZonePage(string path) => path.StartsWith(PeriodsPrefix, StringComparison.Ordinal) && path.Contains("/zones/", StringComparison.Ordinal);

    public static string VersionFolder(string version) => $"{VersionsPrefix}{version}/";

    public static string Manifest(string version) => VersionFolder(version) + ManifestFile;

    /// <summary>The object holding these bytes; the extension keeps the logical file's type (.json, .md, .docx).</summary>
    public static string Object(string sha256, string logicalPath) => $"{ObjectsPrefix}{sha256[..2]}/{sha256}{Extension(logicalPath)}";

    public static bool IsSha256(string? hash) => hash is { Length: 64 } && !hash.AsSpan().ContainsAnyExcept("0123456789abcdef");

    /// <summary>True for a well-formed object name (stored names are input too).</summary>
    public static bool IsObject(string name) =>
        name.StartsWith(ObjectsPrefix, StringComparison.Ordinal) && name.Length >= ObjectsPrefix.Length + 3 + 64
        && IsSha256(name.Substring(ObjectsPrefix.Length + 3, 64)) && name.AsSpan(ObjectsPrefix.Length, 2).SequenceEqual(name.AsSpan(ObjectsPrefix.Length + 3, 2))
        && name[ObjectsPrefix.Length + 2] == '/' && !name.Contains("..", StringComparison.Ordinal);

    /// <summary>The SHA-256 an object is named by (of its bytes before gzip); null for a name that is not an object's.</summary>
    public static string? HashOf(string objectName) => IsObject(objectName) ? objectName.Substring(ObjectsPrefix.Length + 3, 64) : null;

    /// <summary>The index shard a logical path is listed in: FNV-1a (32-bit) of its UTF-8 bytes, mod <see cref="ShardCount"/>.</summary>
    public static int ShardOf(string logicalPath)
    {
        var h = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(logicalPath)) h = (h ^ b) * 16777619u;
        return (int)(h % ShardCount);
    }

    private static string Extension(string path)
    {
        var slash = path.LastIndexOf('/');
        var dot = path.LastIndexOf('.');
        return dot > slash ? path[dot..] : "";
    }
}
