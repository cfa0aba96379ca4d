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
        var pointer = new SnapshotPointer { Version = id, Path = SnapshotLayout.VersionFolder(id), ContentHash = contentHash, CreatedAt = now, Periods = periods };
        if (contentHash != renderUnless)
        {
            foreach (var (path, bytes) in (briefings ?? Briefing.BriefingPublisher.Default).Render(files, pointer))
                files[path] = bytes;
        }
        var entries = files.Select(f => new SnapshotFileEntry(f.Key, f.Value.LongLength, Sha256(f.Value))).ToList();
        // Objects are named by their bytes: equal files (in this version or an earlier one) are one object.
        var objects = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var e in entries) objects.TryAdd(e.Object, files[e.Path]);
        var index = new List<string>(SnapshotLayout.ShardCount);
        foreach (var shard in IndexShards(entries))
        {
            var bytes = Serialize(shard);
            var name = SnapshotLayout.Object(Sha256(bytes), "index.json");
            objects.TryAdd(name, bytes);
            index.Add(name);
        }
        var manifest = new SnapshotManifest
        {
            Version = id, ContentHash = contentHash, CreatedAt = now,
            Periods = periods,
            Files = entries,
            Index = index,
        };
        return new SnapshotVersion(id, contentHash, files, manifest, objects);
    }

    /// <summary>The manifest's map split by <see cref="SnapshotLayout.ShardOf"/>: a one-zone change rewrites a few shards, not the index.</summary>
    private static IEnumerable<SnapshotIndexShard> IndexShards(IReadOnlyList<SnapshotFileEntry> entries)
    {
        var shards = Enumerable.Range(0, SnapshotLayout.ShardCount).Select(_ => new SortedDictionary<string, string>(StringComparer.Ordinal)).ToArray();
        foreach (var e in entries) shards[SnapshotLayout.ShardOf(e.Path)][e.Path] = e.Object;
        return shards.Select(s => new SnapshotIndexShard(s));
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
