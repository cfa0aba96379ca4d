using System.Security.Cryptography;
using System.Text.Json;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Snapshots;

/// <summary>
/// Lays out a snapshot version (docs/snapshots.md). Files carry no timestamps, so the same data gives the
/// same content hash and a second run of the same month publishes nothing new.
/// </summary>
public static class SnapshotBuilder
{
    /// <param name="briefings">Renders the briefings beside the zone pages (default: the built-in wording, md and docx).</param>
    /// <param name="renderUnless">The latest version's content hash: a version with the same data will not be published, so its briefings are not rendered.</param>
    public static SnapshotVersion Build(ZoneRegistry registry, IReadOnlyList<PeriodResults> results,
        IReadOnlyList<OfficialRankMove> officialRanks, DateTimeOffset now, IReadOnlyList<Evaluation.StoredScheme>? schemes = null,
        Briefing.BriefingPublisher? briefings = null, string? renderUnless = null)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["registry/zones.json"] = Serialize(registry.Zones),
            ["registry/groups.json"] = Serialize(registry.Groups),
            ["registry/indicators.json"] = Serialize(registry.Indicators),
            ["official-ranks.json"] = Serialize(officialRanks),
            ["registry/schemes.json"] = Serialize((schemes ?? []).OrderBy(x => x.Scheme.Id, StringComparer.Ordinal).Select(PublishedScheme.From).ToList()),
        };
        foreach (var r in results.OrderBy(r => r.Period, StringComparer.Ordinal))
        {
            files[$"periods/{r.Period}/rankings.json"] = Serialize(new { period = r.Period, rankings = r.Rankings });
            files[$"periods/{r.Period}/targets.json"] = Serialize(new { period = r.Period, targets = r.Targets });
            files[$"periods/{r.Period}/observations.json"] = Serialize(new { period = r.Period, observations = r.Observations.Concat(r.Derived) });
            foreach (var page in ZonePage.For(registry, r))
                files[$"periods/{r.Period}/zones/{page.Zone}.json"] = Serialize(page);
            if (r.Composites.Count > 0) files[$"periods/{r.Period}/composite.json"] = Serialize(new { period = r.Period, composites = r.Composites });
            if (r.CityShares.Count > 0) files[$"periods/{r.Period}/benchmarks.json"] = Serialize(new { period = r.Period, cityShares = r.CityShares });
            if (r.PerMu.Count > 0) files[$"periods/{r.Period}/permu.json"] = Serialize(new { period = r.Period, evaluations = r.PerMu });
        }
        // The JSON Schemas (docs/schemas) travel with the version, so a reader can check any file it downloads.
        foreach (var (name, bytes) in SnapshotSchemas.All())
            files[$"schemas/{name}"] = bytes;
        // The hash covers the data; the briefings are renderings of it, written after the id is known so they can cite it.
        var contentHash = HashOf(files);
        var id = $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{contentHash[..12]}";
        var periods = results.Select(r => r.Period).Order(StringComparer.Ordinal).ToList();
        var pointer = new SnapshotPointer { Version = id, Path = $"v/{id}/", ContentHash = contentHash, CreatedAt = now, Periods = periods };
        if (contentHash != renderUnless)
        {
            foreach (var (path, bytes) in (briefings ?? Briefing.BriefingPublisher.Default).Render(files, pointer))
                files[path] = bytes;
        }
        var manifest = new SnapshotManifest
        {
            Version = id, ContentHash = contentHash, CreatedAt = now,
            Periods = periods,
            Files = files.Select(f => new SnapshotFileEntry(f.Key, f.Value.LongLength, Sha256(f.Value))).ToList(),
        };
        return new SnapshotVersion(id, contentHash, files, manifest);
    }

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json.Options);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string HashOf(SortedDictionary<string, byte[]> files)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in files)
        {
            h.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\n"));
            h.AppendData(SHA256.HashData(bytes));
        }
        return Convert.ToHexStringLower(h.GetHashAndReset());
    }
}
