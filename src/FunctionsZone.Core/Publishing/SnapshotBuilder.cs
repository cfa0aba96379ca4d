using System.Security.Cryptography;
using System.Text.Json;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Results;
using FunctionsZone.Core;
using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Core.Publishing;

/// <summary>What a version is built from: the registry and references, and the periods, loaded one at a time.</summary>
public sealed record SnapshotInputs
{
    public required ZoneRegistry Registry { get; init; }
    public required IReadOnlyList<OfficialRankMove> OfficialRanks { get; init; }
    public required DateTimeOffset Now { get; init; }
    public IReadOnlyList<Evaluation.StoredScheme> Schemes { get; init; } = [];
    public BriefingPublisher Briefings { get; init; } = BriefingPublisher.None;
    public required IReadOnlyList<Period> Periods { get; init; }
    /// <summary>
    /// A period's results. Asked once per period, in order, the next one while the one before is laid out: publish
    /// holds at most two periods' results at a time. Never asked twice at once.
    /// </summary>
    public required Func<Period, CancellationToken, Task<PeriodResults>> Results { get; init; }
}

/// <summary>
/// Lays out a snapshot version (docs/snapshots.md). Files carry no timestamps, so the same data gives the
/// same content hash and a second run of the same month publishes nothing new. Each file is serialised straight
/// into its object (<see cref="SnapshotEncoding"/>) and handed to the draft, so memory holds two periods' results
/// (the one laid out, the next one loading) and the objects in flight, not the version.
/// </summary>
public static class SnapshotBuilder
{
    /// <summary>
    /// Builds the version into <paramref name="draft"/> and commits its manifest; null (nothing committed, no briefing
    /// rendered) when its content hash is <paramref name="unchangedFrom"/>: the data equals the latest version's.
    /// </summary>
    public static async Task<SnapshotVersion?> BuildAsync(SnapshotInputs inputs, ISnapshotDraft draft, string? unchangedFrom = null, CancellationToken ct = default)
    {
        var registry = inputs.Registry;
        var data = new List<SnapshotFileEntry>();
        async Task Add(EncodedFile file) { data.Add(file.Entry); await draft.PutAsync(file, ct); }

        await Add(SnapshotEncoding.Json(SnapshotLayout.Zones, registry.Zones));
        await Add(SnapshotEncoding.Json(SnapshotLayout.Groups, registry.Groups));
        await Add(SnapshotEncoding.Json(SnapshotLayout.Indicators, registry.Indicators));
        await Add(SnapshotEncoding.Json(SnapshotLayout.OfficialRanks, inputs.OfficialRanks));
        await Add(SnapshotEncoding.Json(SnapshotLayout.Schemes, inputs.Schemes.OrderBy(x => x.Scheme.Id, StringComparer.Ordinal).Select(PublishedScheme.From).ToList()));
        var periods = new List<string>();
        var briefed = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var ordered = inputs.Periods.Distinct().Order().ToList();
        // The next period's results load while this one's files are encoded and uploaded, so the storage is not left
        // waiting for the load (docs/performance.md, fifth pass).
        Task<PeriodResults>? next = ordered.Count > 0 ? inputs.Results(ordered[0], ct) : null;
        try
        {
            for (var i = 0; i < ordered.Count; i++)
            {
                var r = await next!;
                next = i + 1 < ordered.Count ? inputs.Results(ordered[i + 1], ct) : null;
                periods.Add(r.Period);
                foreach (var file in PeriodFiles(registry, r)) await Add(file);
                if (inputs.Briefings.ZonesFor(registry, r) is { Count: > 0 } zones) briefed[r.Period] = zones;
            }
        }
        finally { await ReadAhead.SettleAsync(next); }
        // The JSON Schemas (docs/schemas) travel with the version, so a reader can check any file it downloads.
        foreach (var (name, bytes) in SnapshotSchemas.All()) await Add(SnapshotEncoding.Bytes($"schemas/{name}", bytes));

        // The hash covers the data; the briefings are renderings of it, written after the id is known so they can cite it.
        var contentHash = HashOf(data);
        // Same data as the latest: nothing to publish, unless the latest lost or damaged an object (then a new version
        // of the same data re-writes it, briefings and index shards included).
        if (contentHash == unchangedFrom && await draft.LatestIntactAsync(ct)) return null;
        var now = inputs.Now;
        var id = $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{contentHash[..12]}";
        periods.Sort(StringComparer.Ordinal);
        var pointer = new SnapshotPointer { Version = id, Path = SnapshotLayout.VersionFolder(id), ContentHash = contentHash, CreatedAt = now, Periods = periods };
        var entries = new List<SnapshotFileEntry>(data);
        var objectOf = data.ToDictionary(e => e.Path, e => e.Object, StringComparer.Ordinal);
        await inputs.Briefings.RenderAsync(
            // A file the version lists must read back: a missing object is a storage fault, not an empty registry ("unknown zone").
            async (path, token) => objectOf.TryGetValue(path, out var name)
                ? await draft.ReadObjectAsync(name, token) ?? throw SnapshotEncoding.Missing(name) : null,
            pointer, briefed, async (path, bytes) =>
            {
                var file = SnapshotEncoding.Bytes(path, bytes);
                entries.Add(file.Entry);
                await draft.PutAsync(file, ct);
            }, ct);
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

        var index = new List<string>(SnapshotLayout.ShardCount);
        foreach (var shard in IndexShards(entries))
        {
            var file = SnapshotEncoding.Json("index.json", shard);
            await draft.PutAsync(file, ct);
            index.Add(file.Object);
        }
        var manifest = new SnapshotManifest { Version = id, ContentHash = contentHash, CreatedAt = now, Periods = periods, Files = entries, Index = index };
        await draft.CommitAsync(manifest, ct);
        return new SnapshotVersion(id, contentHash, manifest, []);
    }

    /// <summary>A version built in memory, every object kept in <see cref="SnapshotVersion.Objects"/> for <see cref="ISnapshotStore.WriteVersionAsync"/>.</summary>
    public static SnapshotVersion Build(ZoneRegistry registry, IReadOnlyList<PeriodResults> results,
        IReadOnlyList<OfficialRankMove> officialRanks, DateTimeOffset now, IReadOnlyList<Evaluation.StoredScheme>? schemes = null,
        BriefingPublisher? briefings = null)
    {
        var byPeriod = results.ToDictionary(r => Period.Parse(r.Period));
        var draft = new MemoryDraft();
        var version = BuildAsync(new SnapshotInputs
        {
            Registry = registry, OfficialRanks = officialRanks, Now = now, Schemes = schemes ?? [],
            Briefings = briefings ?? BriefingPublisher.None,
            Periods = byPeriod.Keys.ToList(), Results = (p, _) => Task.FromResult(byPeriod[p]),
        }, draft).GetAwaiter().GetResult()!;
        return version with { Objects = draft.Objects };
    }

    /// <summary>The files of one period, each encoded as it is produced.</summary>
    private static IEnumerable<EncodedFile> PeriodFiles(ZoneRegistry registry, PeriodResults r)
    {
        var p = r.Period;
        yield return SnapshotEncoding.Json(SnapshotLayout.Rankings(p), new { period = p, rankings = r.Rankings });
        yield return SnapshotEncoding.Json(SnapshotLayout.Targets(p), new { period = p, targets = r.Targets });
        yield return SnapshotEncoding.Json(SnapshotLayout.Observations(p), new { period = p, observations = r.Observations.Concat(r.Derived) });
        foreach (var page in ZonePage.For(registry, r))
            yield return SnapshotEncoding.Json(SnapshotLayout.ZonePage(p, page.Zone), page);
        if (r.Composites.Count > 0) yield return SnapshotEncoding.Json(SnapshotLayout.Composite(p), new { period = p, composites = r.Composites });
        if (r.CityShares.Count > 0) yield return SnapshotEncoding.Json(SnapshotLayout.Benchmarks(p), new { period = p, cityShares = r.CityShares });
        if (r.PerMu.Count > 0) yield return SnapshotEncoding.Json(SnapshotLayout.PerMu(p), new { period = p, evaluations = r.PerMu });
    }

    /// <summary>The manifest's map split by <see cref="SnapshotLayout.ShardOf"/>: a one-zone change rewrites a few shards, not the index.</summary>
    private static IEnumerable<SnapshotIndexShard> IndexShards(IReadOnlyList<SnapshotFileEntry> entries)
    {
        var shards = Enumerable.Range(0, SnapshotLayout.ShardCount).Select(_ => new SortedDictionary<string, string>(StringComparer.Ordinal)).ToArray();
        foreach (var e in entries) shards[SnapshotLayout.ShardOf(e.Path)][e.Path] = e.Object;
        return shards.Select(s => new SnapshotIndexShard(s));
    }

    /// <summary>SHA-256 over each data file's path and SHA-256, in path order.</summary>
    private static string HashOf(IEnumerable<SnapshotFileEntry> files)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            h.AppendData(System.Text.Encoding.UTF8.GetBytes(f.Path + "\n"));
            h.AppendData(Convert.FromHexString(f.Sha256));
        }
        return Convert.ToHexStringLower(h.GetHashAndReset());
    }

    /// <summary>Keeps every object in memory, for a version built before it is written (tests, fz commands without storage).</summary>
    private sealed class MemoryDraft : ISnapshotDraft
    {
        private readonly Dictionary<string, EncodedFile> _objects = new(StringComparer.Ordinal);
        public IReadOnlyList<EncodedFile> Objects => _objects.Values.ToList();

        public Task PutAsync(EncodedFile file, CancellationToken ct = default) { _objects.TryAdd(file.Object, file); return Task.CompletedTask; }
        public Task<byte[]?> ReadObjectAsync(string objectName, CancellationToken ct = default) =>
            Task.FromResult(_objects.TryGetValue(objectName, out var f) ? SnapshotEncoding.Gunzip(f.Gzipped) : null);
        public Task CommitAsync(SnapshotManifest manifest, CancellationToken ct = default) => Task.CompletedTask;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
