using System.Text;
using Azure.Storage.Blobs.Models;
using FunctionsZone.Core.Briefing;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Snapshots;
using Xunit;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Publishing;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>
/// Issue 15: a version is a manifest over content-addressed objects. A one-zone correction writes only the objects
/// whose bytes changed, every logical path still reads its bytes, and retention keeps what a kept version names.
/// </summary>
public sealed class IncrementalPublishTests
{
    private static InputFile Fix(decimal value) =>
        new($"fix-{value}.csv", Encoding.UTF8.GetBytes($"zone,indicator,period,value,unit\nlc-etdz,general_budget_revenue,2022-05,{value},亿元\n"));

    /// <summary>Every object blob with its ETag: a PUT, even of the same bytes, gives a new ETag.</summary>
    private static async Task<Dictionary<string, string>> ObjectsAsync(TestStorage s)
    {
        var objects = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var b in s.Clients.Container(s.Clients.Options.SnapshotContainer).GetBlobsAsync(new GetBlobsOptions { Prefix = SnapshotLayout.ObjectsPrefix }))
            objects[b.Name] = b.Properties.ETag!.Value.ToString();
        return objects;
    }

    private static async Task<Dictionary<string, byte[]>> ReadAllAsync(BlobSnapshotStore store, string version)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var f in (await store.ManifestAsync(version))!.Files) files[f.Path] = (await store.ReadAsync(version, f.Path))!;
        return files;
    }

    [Fact]
    public async Task A_one_zone_correction_writes_only_the_objects_whose_bytes_changed_and_every_path_reads_as_before()
    {
        var storage = new TestStorage(new Dictionary<string, string?> { ["FunctionsZone:SnapshotRetention"] = "0" });
        await storage.RunSeedsAsync();
        var store = new BlobSnapshotStore(storage.Clients);
        var before = (await store.LatestAsync())!;
        var oldManifest = (await store.ManifestAsync(before.Version))!;
        var oldFiles = await ReadAllAsync(store, before.Version);
        var objectsBefore = await ObjectsAsync(storage);

        await storage.Pipeline().IngestAsync(Fix(10.1m), new IngestOptions());
        await storage.Pipeline().RecomputeAsync(Period.Parse("2022-05"));
        var after = (await storage.Pipeline().PublishAsync())!;
        Assert.NotEqual(before.Version, after.Version);
        var manifest = (await store.ManifestAsync(after.Version))!;

        // Written: exactly the objects the old version did not name (new bytes), each once; nothing else was touched.
        var objectsAfter = await ObjectsAsync(storage);
        var written = objectsAfter.Where(o => objectsBefore.GetValueOrDefault(o.Key) != o.Value).Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
        var oldObjects = oldManifest.Objects().ToHashSet(StringComparer.Ordinal);
        var changed = manifest.Objects().Where(o => !oldObjects.Contains(o)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(changed, written);
        var changedFiles = manifest.Files.Where(f => !oldObjects.Contains(f.Object)).Select(f => f.Path).ToList();
        // The corrected zone's page and the period-wide documents of 2022-05 changed; the other periods, the registry
        // and the schemas did not. (The briefings cite the version they were published with: each is new bytes.)
        var changedData = changedFiles.Where(p => !BriefingPublisher.IsBriefing(p)).ToList();
        Assert.Contains("periods/2022-05/zones/lc-etdz.json", changedData);
        Assert.Contains("periods/2022-05/observations.json", changedData);
        Assert.DoesNotContain(changedData, p => !p.StartsWith("periods/2022-05/", StringComparison.Ordinal));
        var data = manifest.Files.Count(f => !BriefingPublisher.IsBriefing(f.Path));
        Assert.True(changedData.Count * 10 < data, $"{changedData.Count} of {data} data files changed");

        // Every logical path reads the bytes its manifest entry hashes; unchanged ones the very bytes of before, and
        // the old version still reads exactly as it did (immutable).
        var newFiles = await ReadAllAsync(store, after.Version);
        foreach (var f in manifest.Files)
        {
            Assert.Equal(f.Sha256, SnapshotEncoding.Sha256(newFiles[f.Path]));
            if (!changedFiles.Contains(f.Path)) Assert.Equal(oldFiles[f.Path], newFiles[f.Path]);
        }
        var oldAgain = await ReadAllAsync(store, before.Version);
        Assert.Equal(oldFiles.Keys.Order(), oldAgain.Keys.Order());
        foreach (var (path, bytes) in oldFiles) Assert.Equal(bytes, oldAgain[path]);
        var page = await new SnapshotReader(store).ObservationAsync(after, "lc-etdz", "general_budget_revenue", Period.Parse("2022-05"));
        Assert.Equal(10.1m, page!.Value);
    }

    [Fact]
    public async Task Retention_deletes_objects_only_an_old_version_named_keeps_shared_ones_and_spares_young_unnamed_ones()
    {
        var storage = new TestStorage(new Dictionary<string, string?>
        {
            ["FunctionsZone:SnapshotRetention"] = "1", ["FunctionsZone:LeaseSeconds"] = "15", ["FunctionsZone:PublishBriefings"] = "none",
            // latest.json uncached, so a replaced version is past its pointer's cache lifetime (5 s margin) by the time the lease time is.
            ["FunctionsZone:PointerMaxAgeSeconds"] = "0",
        });
        await storage.RunSeedsAsync();
        var store = new BlobSnapshotStore(storage.Clients);
        var before = (await store.LatestAsync())!;
        var oldManifest = (await store.ManifestAsync(before.Version))!;
        await storage.Pipeline().IngestAsync(Fix(10.2m), new IngestOptions());
        await storage.Pipeline().RecomputeAsync(Period.Parse("2022-05"));
        var after = (await storage.Pipeline().PublishAsync())!;
        var manifest = (await store.ManifestAsync(after.Version))!;
        // Within the lease time nothing goes: the old version and its objects are still there.
        Assert.Contains(before.Version, await store.ListVersionsAsync());
        Assert.Superset(oldManifest.Objects().ToHashSet(), (await ObjectsAsync(storage)).Keys.ToHashSet());

        await Task.Delay(TimeSpan.FromSeconds(16));
        // An object no manifest names yet, written just now (a publish in flight): young, so it stays.
        var container = storage.Clients.Container(storage.Clients.Options.SnapshotContainer);
        var inFlight = SnapshotLayout.Object(SnapshotEncoding.Sha256("{\"inFlight\":true}"u8.ToArray()), "x.json");
        await container.GetBlobClient(inFlight).UploadAsync(new BinaryData(SnapshotEncoding.Gzip("{\"inFlight\":true}"u8.ToArray())));
        Assert.Equal([before.Version], await store.ApplyRetentionAsync(after.Version));

        var objects = (await ObjectsAsync(storage)).Keys.ToHashSet(StringComparer.Ordinal);
        var named = manifest.Objects().ToHashSet(StringComparer.Ordinal);
        Assert.Equal(named.Append(inFlight).Order(StringComparer.Ordinal), objects.Order(StringComparer.Ordinal));
        // Shared objects (unchanged files) were kept for the new version; those only the old named are gone.
        Assert.Contains(oldManifest.Objects(), named.Contains);
        Assert.Contains(oldManifest.Objects(), o => !objects.Contains(o));
        foreach (var f in manifest.Files) Assert.NotNull(await store.ReadAsync(after.Version, f.Path));
    }
}
