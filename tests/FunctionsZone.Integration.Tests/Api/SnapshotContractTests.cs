using FunctionsZone.Core.Briefing;
using System.IO.Compression;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage;
using FunctionsZone.Storage.Snapshots;
using Json.Schema;
using Xunit;
using FunctionsZone.Core.Results;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Publishing;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>The published snapshot as a portal or CDN sees the blobs: encoding, headers, manifest, schemas, retention, atomic publish.</summary>
public sealed class SnapshotContractTests
{
    private static BlobContainerClient Snapshots(TestStorage s) => s.Clients.Container(s.Clients.Options.SnapshotContainer);

    private static async Task<(BlobProperties Props, byte[] Json)> DownloadAsync(BlobContainerClient c, string name)
    {
        var r = await c.GetBlobClient(name).DownloadContentAsync();
        var raw = r.Value.Content.ToArray();
        using var gz = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var m = new MemoryStream();
        gz.CopyTo(m);
        return ((await c.GetBlobClient(name).GetPropertiesAsync()).Value, m.ToArray());
    }

    [Fact]
    public async Task Every_published_file_is_gzip_json_with_cache_headers_matches_the_manifest_and_validates_against_its_schema()
    {
        var storage = new TestStorage(TestStorage.WithWordBriefings());
        var run = await storage.RunSeedsAsync();
        var container = Snapshots(storage);
        var (latestProps, latestJson) = await DownloadAsync(container, BlobSnapshotStore.LatestBlob);
        Assert.Equal("gzip", latestProps.ContentEncoding);
        Assert.Equal("application/json; charset=utf-8", latestProps.ContentType);
        Assert.Equal("public, max-age=60", latestProps.CacheControl);
        Assert.Equal(new BlobSnapshotStore(storage.Clients).PointerCache, latestProps.CacheControl);
        var pointer = JsonSerializer.Deserialize<SnapshotPointer>(latestJson, FunctionsZone.Core.Json.Options)!;
        Assert.Equal(run.Snapshot!.Version, pointer.Version);

        Assert.Equal(SnapshotLayout.VersionFolder(pointer.Version), pointer.Path);
        var (manifestProps, manifestJson) = await DownloadAsync(container, $"{pointer.Path}manifest.json");
        Assert.Equal(BlobSnapshotStore.ImmutableCache, manifestProps.CacheControl);
        var manifest = JsonSerializer.Deserialize<SnapshotManifest>(manifestJson, FunctionsZone.Core.Json.Options)!;
        var schemas = new Dictionary<string, JsonSchema>();
        JsonSchema Schema(string name) => schemas.TryGetValue(name, out var s) ? s : schemas[name] = SchemaValidation.Load(container, manifest, name);

        Validate(Schema("latest.schema.json"), latestJson, "latest.json");
        Validate(Schema("manifest.schema.json"), manifestJson, "manifest.json");
        // The version folder holds the manifest alone; the files are the objects it names, and the index shards
        // latest.json names map every logical path to the same object.
        var blobs = new List<string>();
        await foreach (var b in container.GetBlobsAsync(new GetBlobsOptions { Prefix = pointer.Path })) blobs.Add(b.Name[pointer.Path.Length..]);
        Assert.Equal(["manifest.json"], blobs);
        var objects = new HashSet<string>();
        await foreach (var b in container.GetBlobsAsync(new GetBlobsOptions { Prefix = SnapshotLayout.ObjectsPrefix })) objects.Add(b.Name);
        Assert.Superset(manifest.Objects().ToHashSet(), objects);
        Assert.Equal(SnapshotLayout.ShardCount, pointer.Index!.Count);
        Assert.Equal(manifest.Index, pointer.Index);
        var indexed = 0;
        for (var i = 0; i < pointer.Index.Count; i++)
        {
            var (shardProps, shardJson) = await DownloadAsync(container, pointer.Index[i]);
            Assert.Equal(BlobSnapshotStore.ImmutableCache, shardProps.CacheControl);
            Validate(Schema("index.schema.json"), shardJson, pointer.Index[i]);
            var shard = JsonSerializer.Deserialize<SnapshotIndexShard>(shardJson, FunctionsZone.Core.Json.Options)!;
            foreach (var (path, obj) in shard.Files)
            {
                Assert.Equal(i, SnapshotLayout.ShardOf(path));
                Assert.Equal(manifest.ObjectOf(path), obj);
                indexed++;
            }
        }
        Assert.Equal(manifest.Files.Count, indexed);

        var validated = 0;
        var briefings = 0;
        foreach (var entry in manifest.Files)
        {
            var (props, json) = await DownloadAsync(container, entry.Object);
            Assert.Equal("gzip", props.ContentEncoding);
            Assert.Equal(BlobSnapshotStore.ContentTypeOf(entry.Path), props.ContentType);
            Assert.Equal(BlobSnapshotStore.ImmutableCache, props.CacheControl);
            Assert.Equal(entry.Size, json.LongLength);
            Assert.Equal(entry.Sha256, SnapshotEncoding.Sha256(json));
            var schemaName = SnapshotSchemas.SchemaFor(entry.Path);
            if (BriefingPublisher.IsBriefing(entry.Path))
            {
                // Beside the zone page it describes (docs/briefing.md); Markdown or Word, not JSON.
                Assert.Contains(manifest.Files, f => f.Path == entry.Path.Replace(BriefingPublisher.MarkdownSuffix, ".json").Replace(BriefingPublisher.DocxSuffix, ".json"));
                Assert.NotEqual("application/json; charset=utf-8", props.ContentType);
                briefings++;
                continue;
            }
            if (entry.Path.StartsWith("schemas/", StringComparison.Ordinal))
            {
                // The published schema is the one kept in docs/schemas.
                Assert.Equal(File.ReadAllBytes(Path.Combine(Azurite.RepoRoot, "docs", entry.Path)), json);
                continue;
            }
            Assert.True(schemaName is not null, $"no schema for {entry.Path}");
            Validate(Schema(schemaName!), json, entry.Path);
            validated++;
        }
        // Registry (zones, groups, indicators, schemes), official ranks, and per period rankings, targets, observations and one page per zone;
        // composite.json, benchmarks.json and permu.json only for periods that have them.
        var zones = (await new SnapshotReader(new BlobSnapshotStore(storage.Clients)).RegistryAsync(pointer)).Zones.Count;
        var evaluation = manifest.Files.Count(f => f.Path.StartsWith("periods/", StringComparison.Ordinal)
            && (f.Path.EndsWith("/composite.json", StringComparison.Ordinal) || f.Path.EndsWith("/benchmarks.json", StringComparison.Ordinal)
                || f.Path.EndsWith("/permu.json", StringComparison.Ordinal)));
        Assert.Contains(manifest.Files, f => f.Path == "periods/2021/permu.json");       // 亩均效益 classes of the 2021 groups
        Assert.Contains(manifest.Files, f => f.Path == "periods/2022-05/composite.json"); // 市对区 scheme over the Liaocheng units
        Assert.Contains(manifest.Files, f => f.Path == "periods/2021/benchmarks.json");   // 烟台: 81.5% of the city's FDI
        Assert.Equal(5 + pointer.Periods.Count * (3 + zones) + evaluation, validated);
        // md and docx for the 11 units of 聊城市 in each of the three months (2021-05, 2022-04, 2022-05).
        Assert.Equal(3 * 11 * 2, briefings);
        Assert.Contains(manifest.Files, f => f.Path == "periods/2022-05/zones/lc-etdz.briefing.docx");
        Assert.Equal(Directory.GetFiles(Path.Combine(Azurite.RepoRoot, "docs/schemas"), "*.schema.json").Length, manifest.Files.Count(f => f.Path.StartsWith("schemas/", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_schema_rejects_a_document_without_provenance()
    {
        var schema = SchemaValidation.FromDocs("observations.schema.json");
        var good = """{"period":"2022-05","observations":[{"zone":"lc-etdz","indicator":"x","period":"2022-05","value":1,"importId":"i","sourceFile":"a.csv"}]}""";
        var bad = """{"period":"2022-05","observations":[{"zone":"lc-etdz","indicator":"x","period":"2022-05","value":1}]}""";
        Assert.True(SchemaValidation.Evaluate(schema, System.Text.Encoding.UTF8.GetBytes(good)).IsValid);
        Assert.False(SchemaValidation.Evaluate(schema, System.Text.Encoding.UTF8.GetBytes(bad)).IsValid);
    }

    private static void Validate(JsonSchema schema, byte[] json, string path)
    {
        var result = SchemaValidation.Evaluate(schema, json);
        Assert.True(result.IsValid, $"{path} does not match its schema: {SchemaValidation.Errors(result)}");
    }

    [Fact]
    public async Task A_publish_that_fails_midway_leaves_latest_on_the_previous_complete_version()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        var store = new BlobSnapshotStore(storage.Clients);
        var before = (await store.LatestAsync())!;

        // The same storage, but the blob service refuses the PUT of one file of the new version (a real 500 over HTTP).
        var next = NewVersion("interrupted", before);
        var failing = FailingClients(storage, next.Manifest.ObjectOf("periods/2022-05/targets.json")!);
        await Assert.ThrowsAnyAsync<Exception>(() => new BlobSnapshotStore(failing).PublishAsync(next));

        var after = (await store.LatestAsync())!;
        Assert.Equal(before.Version, after.Version);
        // Files of the broken version may be there, but no manifest: it was never complete.
        Assert.Null(await store.ReadAsync(next.Id, "manifest.json"));
        // Readers still get the previous version's answers.
        var ranking = await new SnapshotReader(store).RankingAsync("2022-05", "industrial_va_growth", "liaocheng-city", Core.Rankings.Measure.Level);
        Assert.NotEmpty(ranking.Entries);

        // Published again without the fault, the same version completes and latest moves.
        await store.PublishAsync(next);
        Assert.Equal(next.Id, (await store.LatestAsync())!.Version);
        Assert.NotNull(await store.ReadAsync(next.Id, "manifest.json"));
    }

    [Fact]
    public async Task Retention_keeps_the_newest_versions_of_each_period_and_deletes_older_ones_only_after_latest_moved()
    {
        // latest.json uncached (max-age 0): a replaced version is past its pointer's cache lifetime once the lease time is.
        var storage = new TestStorage(new Dictionary<string, string?>
            { ["FunctionsZone:SnapshotRetention"] = "2", ["FunctionsZone:LeaseSeconds"] = "15", ["FunctionsZone:PointerMaxAgeSeconds"] = "0" });
        await storage.RunSeedsAsync();
        var store = new BlobSnapshotStore(storage.Clients);
        var first = (await store.LatestAsync())!;   // holds 2021, 2021-05, 2022-04 and 2022-05
        var extras = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var v = NewVersion($"extra-{i}", first, TimeSpan.FromMinutes(i));   // holds 2022-05 only
            await store.PublishAsync(v);
            extras.Add(v.Id);
            Assert.Equal(v.Id, (await store.LatestAsync())!.Version);
        }
        // Nothing written within the lease time goes (it may be a publish in flight); once older, retention applies.
        Assert.Equal(4, (await store.ListVersionsAsync()).Count);
        await Task.Delay(TimeSpan.FromSeconds(16));
        await store.ApplyRetentionAsync(extras[2]);
        // 2022-05 keeps its newest two; the first version stays, the only one holding 2021 and the others.
        Assert.Equal([first.Version, extras[1], extras[2]], await store.ListVersionsAsync());

        // Two newer versions holding every period of the first: now nothing needs it.
        var periods = first.Periods;
        var later = new List<string>();
        for (var i = 4; i <= 5; i++)
        {
            var v = NewVersion($"full-{i}", first, TimeSpan.FromMinutes(i), periods);
            await store.PublishAsync(v);
            later.Add(v.Id);
        }
        await Task.Delay(TimeSpan.FromSeconds(16));
        await store.ApplyRetentionAsync(later[1]);
        Assert.Equal(later, await store.ListVersionsAsync());
        var blobs = new List<string>();
        await foreach (var b in Snapshots(storage).GetBlobsAsync(new GetBlobsOptions { Prefix = SnapshotLayout.VersionFolder(first.Version) })) blobs.Add(b.Name);
        Assert.Empty(blobs);
        // Objects only the deleted versions named went with them; every object a kept version names is there.
        var objects = new HashSet<string>();
        await foreach (var b in Snapshots(storage).GetBlobsAsync(new GetBlobsOptions { Prefix = SnapshotLayout.ObjectsPrefix })) objects.Add(b.Name);
        var named = new HashSet<string>();
        foreach (var v in later) named.UnionWith((await store.ManifestAsync(v))!.Objects());
        Assert.Equal(named.Order(), objects.Order());
    }

    /// <summary>A small, distinct version (its content differs, so its id does) created after the given one.</summary>
    private static SnapshotVersion NewVersion(string marker, SnapshotPointer after, TimeSpan? later = null, IReadOnlyList<string>? periods = null)
    {
        var registry = new ZoneRegistry([new Zone { Id = "z-" + marker.Length + marker.GetHashCode().ToString("x"), NameZh = marker }], [], []);
        var results = (periods ?? ["2022-05"]).Select(p => new PeriodResults { Period = p, Rankings = [], Derived = [], Targets = [], Observations = [] }).ToList();
        return SnapshotBuilder.Build(registry, results, [], after.CreatedAt + (later ?? TimeSpan.FromMinutes(1)),
            briefings: new BriefingPublisher(new Core.Briefing.BriefingOptions(), new FunctionsZone.Rendering.BriefingRenderer()));
    }

    private static StorageClients FailingClients(TestStorage storage, string failPathSuffix)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        options.AddPolicy(new FailPutPolicy(failPathSuffix), HttpPipelinePosition.PerRetry);
        return new StorageClients(new TableServiceClient(Azurite.ConnectionString), new BlobServiceClient(Azurite.ConnectionString, options),
            Microsoft.Extensions.Options.Options.Create(storage.Clients.Options));
    }

    /// <summary>Answers a PUT of one blob with a 500 from the "server", as a storage outage midway would.</summary>
    private sealed class FailPutPolicy(string pathSuffix) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Put && message.Request.Uri.Path.EndsWith(pathSuffix, StringComparison.Ordinal))
                throw new Azure.RequestFailedException(500, "injected failure midway through the publish");
        }
    }
}
