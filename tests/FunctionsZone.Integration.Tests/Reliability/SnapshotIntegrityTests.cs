using System.Text;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Snapshots;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>
/// Issue 31 #9, #10, #11: snapshots are self-verifying. A deleted or overwritten object the latest names is a storage
/// error on read (never "unknown zone" or the forged bytes) and the next publish re-writes it; retention keeps every
/// version a cached latest.json may still name.
/// </summary>
public sealed class SnapshotIntegrityTests
{
    private static InputFile Fix(decimal value) =>
        new($"fix-{value}.csv", Encoding.UTF8.GetBytes($"zone,indicator,period,value,unit\nlc-etdz,general_budget_revenue,2022-05,{value},亿元\n"));

    private static Azure.Storage.Blobs.BlobContainerClient Snapshots(TestStorage s) => s.Clients.Container(s.Clients.Options.SnapshotContainer);

    private static async Task<string> ObjectOfAsync(BlobSnapshotStore store, SnapshotPointer latest, string path) =>
        (await store.ManifestAsync(latest.Version))!.ObjectOf(path)!;

    private static async Task AssertWholeAsync(TestStorage storage, string version)
    {
        var store = new BlobSnapshotStore(storage.Clients);
        var manifest = (await store.ManifestAsync(version))!;
        foreach (var o in manifest.Objects()) Assert.NotNull(await store.ReadObjectAsync(o));
    }

    [Fact]
    public async Task A_deleted_object_the_latest_names_is_a_storage_error_on_read_and_the_next_publish_re_writes_it()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        var store = new BlobSnapshotStore(storage.Clients);
        var latest = (await store.LatestAsync())!;
        var zones = await ObjectOfAsync(store, latest, "registry/zones.json");
        await Snapshots(storage).DeleteBlobAsync(zones);

        // A read of the zone page needs the registry: storage lost it, so a storage error, not "unknown zone".
        var read = await Assert.ThrowsAsync<SnapshotIntegrityException>(() => new SnapshotReader(new BlobSnapshotStore(storage.Clients)).ZonePageAsync("lc-etdz", null));
        Assert.Contains(zones, read.Message);
        // Over HTTP (the real worker): a 503 storage problem with Retry-After, not a 404 unknown-zone.
        await using (var host = await TestHost.StartAsync(storage.Configuration))
        {
            var res = await host.Http.GetAsync("api/zones/lc-etdz");
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, res.StatusCode);
            Assert.NotNull(res.Headers.RetryAfter);
            Assert.Equal("snapshot-damaged", System.Text.Json.Nodes.JsonNode.Parse(await res.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());
        }

        // A correction is published (its briefings read the registry back from the draft) and the object is there again.
        await storage.Pipeline().IngestAsync(Fix(10.6m), new IngestOptions());
        var run = await storage.Pipeline().RunAsync([], new IngestOptions());
        Assert.NotNull(run.Snapshot);
        Assert.NotEqual(latest.Version, run.Snapshot.Version);
        Assert.True(await Snapshots(storage).GetBlobClient(zones).ExistsAsync());
        await AssertWholeAsync(storage, run.Snapshot.Version);
        Assert.Equal("lc-etdz", (await new SnapshotReader(new BlobSnapshotStore(storage.Clients)).ZonePageAsync("lc-etdz", null)).Zone);
    }

    [Fact]
    public async Task An_unchanged_publish_repairs_a_deleted_data_object_and_a_deleted_briefing_of_the_latest()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        var store = new BlobSnapshotStore(storage.Clients);
        var latest = (await store.LatestAsync())!;
        var rankings = await ObjectOfAsync(store, latest, "periods/2022-05/rankings.json");
        await Snapshots(storage).DeleteBlobAsync(rankings);

        // Same data: the object is put again from this publish's bytes, nothing else changes.
        Assert.Null(await storage.Pipeline().PublishAsync());
        Assert.Equal(latest.Version, (await store.LatestAsync())!.Version);
        await AssertWholeAsync(storage, latest.Version);

        // A briefing is not re-rendered by an unchanged publish: the latest is not whole, so the same data is published
        // again as a new version whose every object is in place.
        var briefing = (await store.ManifestAsync(latest.Version))!.Files.First(f => f.Path.EndsWith(".briefing.md", StringComparison.Ordinal)).Object;
        await Snapshots(storage).DeleteBlobAsync(briefing);
        var repaired = await storage.Pipeline().PublishAsync();
        Assert.NotNull(repaired);
        Assert.Equal(latest.ContentHash, repaired.ContentHash);
        await AssertWholeAsync(storage, repaired.Version);
    }

    [Fact]
    public async Task An_overwritten_object_is_refused_on_read_and_the_next_publish_restores_its_bytes()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        var store = new BlobSnapshotStore(storage.Clients);
        var latest = (await store.LatestAsync())!;
        const string path = "periods/2022-05/rankings.json";
        var name = await ObjectOfAsync(store, latest, path);
        var genuine = (await store.ReadAsync(latest.Version, path))!;

        // Forged: other valid JSON, gzip-encoded as every object, under the genuine name.
        var forged = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(genuine).Replace("\"rank\":1,", "\"rank\":9,").Replace("\"value\":", "\"value\":999.9"));
        Assert.NotEqual(genuine, forged);
        await Snapshots(storage).GetBlobClient(name).UploadAsync(new BinaryData(SnapshotEncoding.Gzip(forged)), overwrite: true);

        var fresh = new BlobSnapshotStore(storage.Clients);
        await Assert.ThrowsAsync<SnapshotIntegrityException>(() => fresh.ReadAsync(latest.Version, path));
        await Assert.ThrowsAsync<SnapshotIntegrityException>(() => new SnapshotReader(fresh).RankingAsync("2022-05", "industrial_va_growth", "liaocheng-city", Core.Rankings.Measure.Level));

        // The next publish (same data) compares what is stored with its own bytes and writes them back.
        Assert.Null(await storage.Pipeline().PublishAsync());
        Assert.Equal(genuine, await new BlobSnapshotStore(storage.Clients).ReadAsync(latest.Version, path));
    }

    [Fact]
    public async Task Retention_keeps_the_version_a_cached_latest_json_still_names()
    {
        // Keep one version, lease 15 s; latest.json keeps its default max-age (60 s).
        var storage = new TestStorage(new Dictionary<string, string?> { ["FunctionsZone:SnapshotRetention"] = "1", ["FunctionsZone:LeaseSeconds"] = "15" });
        await storage.RunSeedsAsync();
        var store = new BlobSnapshotStore(storage.Clients);
        var before = (await store.LatestAsync())!;
        var beforeManifest = (await store.ManifestAsync(before.Version))!;
        // Past the lease time: only the pointer's cache lifetime protects the old version now.
        await Task.Delay(TimeSpan.FromSeconds(16));

        await storage.Pipeline().IngestAsync(Fix(10.7m), new IngestOptions());
        var run = await storage.Pipeline().RunAsync([], new IngestOptions());
        Assert.NotEqual(before.Version, run.Snapshot!.Version);

        // A browser that fetched latest.json just before the swap follows it for up to 60 s: every file still reads.
        var now = (await store.LatestAsync())!;
        Assert.Contains(now.Replaced!, r => r.Version == before.Version);
        Assert.Contains(before.Version, await store.ListVersionsAsync());
        var fresh = new BlobSnapshotStore(storage.Clients);
        foreach (var f in beforeManifest.Files) Assert.NotNull(await fresh.ReadAsync(before.Version, f.Path));
        foreach (var shard in before.Index!) Assert.NotNull(await fresh.ReadObjectAsync(shard));
    }
}
