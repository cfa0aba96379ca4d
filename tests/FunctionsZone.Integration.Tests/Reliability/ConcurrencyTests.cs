using System.Text;
using Azure.Storage.Blobs.Specialized;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Pipeline;
using FunctionsZone.Storage.Snapshots;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Publishing;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>
/// Issue 10 #2: one writer at a time. Runs and publishes interleaved, one paused at a chosen point through the test
/// hook: the second waits a bounded time and answers busy, latest only ever moves forward to a complete version, and
/// an import made while a run is paused reaches the next run.
/// </summary>
public sealed class ConcurrencyTests
{
    private static TestStorage Storage() => new(new Dictionary<string, string?> { ["FunctionsZone:LeaseWaitSeconds"] = "2", ["FunctionsZone:SnapshotRetention"] = "1" });

    private static InputFile Fix(decimal value) =>
        new($"fix-{value}.csv", Encoding.UTF8.GetBytes($"zone,indicator,period,value,unit\nlc-etdz,general_budget_revenue,2022-05,{value},亿元\n"));

    private static async Task AssertCompleteAsync(TestStorage storage, SnapshotPointer latest)
    {
        var store = new BlobSnapshotStore(storage.Clients);
        var manifest = await new SnapshotReader(store).ReadAsync<SnapshotManifest>(latest, "manifest.json");
        Assert.NotNull(manifest);
        foreach (var f in manifest.Files) Assert.NotNull(await store.ReadAsync(latest.Version, f.Path));
    }

    [Fact]
    public async Task A_publish_paused_before_its_swap_makes_a_second_publish_and_run_wait_then_answer_busy()
    {
        var storage = Storage();
        await storage.RunSeedsAsync();
        await storage.Pipeline().IngestAsync(Fix(10.1m), new IngestOptions());
        await storage.Pipeline().RecomputeAsync(Period.Parse("2022-05"));

        var hook = TestHook.PauseAt(PipelineHook.PublishBeforeSwap);
        var a = storage.Pipeline(hook: hook).PublishAsync();
        await hook.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var busy = await Assert.ThrowsAsync<PipelineBusyException>(() => storage.Pipeline().PublishAsync());
        Assert.Contains("publish", busy.Message);
        Assert.Contains(" / ", busy.Message);
        await Assert.ThrowsAsync<PipelineBusyException>(() => storage.Pipeline().RunAsync([], new IngestOptions()));
        await Assert.ThrowsAsync<PipelineBusyException>(() => storage.Pipeline().RecomputeAsync(Period.Parse("2022-05")));

        hook.Release();
        var published = await a;
        Assert.NotNull(published);
        var latest = (await new BlobSnapshotStore(storage.Clients).LatestAsync())!;
        Assert.Equal(published.Version, latest.Version);
        await AssertCompleteAsync(storage, latest);
        // Released: the next writer gets the lease at once.
        Assert.Null(await storage.Pipeline().PublishAsync());
    }

    [Fact]
    public async Task Latest_is_swapped_only_from_the_ETag_read_at_the_start_so_a_late_publish_never_moves_it_back()
    {
        var storage = Storage();
        await storage.RunSeedsAsync();
        var store = new BlobSnapshotStore(storage.Clients);
        var (start, etag) = await store.LatestWithETagAsync();

        // Another publish finishes first with newer content.
        await storage.Pipeline().IngestAsync(Fix(10.2m), new IngestOptions());
        await storage.Pipeline().RunAsync([], new IngestOptions());
        var newer = (await store.LatestAsync())!;
        Assert.NotEqual(start!.Version, newer.Version);

        // The late one built its version from the old state and swaps with the ETag it read: refused.
        var registry = await new FunctionsZone.Storage.References.TableReferenceStore(storage.Clients).LoadRegistryAsync();
        var old = SnapshotBuilder.Build(registry, [], [], start.CreatedAt.AddSeconds(-30));
        await store.WriteVersionAsync(old);
        Assert.False(await store.SwapLatestAsync(old, etag));
        Assert.Equal(newer.Version, (await store.LatestAsync())!.Version);

        // Retention right after keeps the late version's files: they are younger than the lease time.
        await store.ApplyRetentionAsync(newer.Version);
        Assert.Contains(old.Id, await store.ListVersionsAsync());
        await AssertCompleteAsync(storage, newer);
    }

    [Fact]
    public async Task A_lost_lease_stops_the_publish_before_it_swaps_latest()
    {
        var storage = new TestStorage(new Dictionary<string, string?> { ["FunctionsZone:LeaseWaitSeconds"] = "2", ["FunctionsZone:LeaseSeconds"] = "15" });
        await storage.RunSeedsAsync();
        var before = (await new BlobSnapshotStore(storage.Clients).LatestAsync())!;
        await storage.Pipeline().IngestAsync(Fix(10.3m), new IngestOptions());
        await storage.Pipeline().RecomputeAsync(Period.Parse("2022-05"));

        var hook = TestHook.PauseAt(PipelineHook.PublishBeforeSwap);
        var a = storage.Pipeline(hook: hook).PublishAsync();
        await hook.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        // An operator (or an expiry while the process stalled) breaks the lease; the holder's next renewal fails.
        var blob = storage.Clients.Container(storage.Clients.Options.LocksContainer).GetBlobClient(BlobPipelineLease.BlobName);
        await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        await Task.Delay(TimeSpan.FromSeconds(6));
        hook.Release();
        await Assert.ThrowsAsync<PipelineBusyException>(() => a);
        Assert.Equal(before.Version, (await new BlobSnapshotStore(storage.Clients).LatestAsync())!.Version);
    }

    [Fact]
    public async Task An_import_made_while_a_run_is_paused_mid_recompute_is_in_the_next_runs_snapshot()
    {
        var storage = Storage();
        await storage.RunSeedsAsync();
        await storage.Pipeline().IngestAsync(Fix(10.4m), new IngestOptions());

        var hook = TestHook.PauseAt(PipelineHook.RecomputePeriodSaved);
        var a = storage.Pipeline(hook: hook).RunAsync([], new IngestOptions());
        await hook.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        // fz ingest / POST /api/ingest needs no lease: it lands while the run is paused.
        Assert.Equal(ImportStatus.Success, (await storage.Pipeline().IngestAsync(Fix(10.5m), new IngestOptions())).Status);
        await Assert.ThrowsAsync<PipelineBusyException>(() => storage.Pipeline().RunAsync([], new IngestOptions()));
        hook.Release();
        await a;

        var next = await storage.Pipeline().RunAsync([], new IngestOptions());
        Assert.Contains("2022-05", next.Recomputed);
        var reader = new SnapshotReader(new BlobSnapshotStore(storage.Clients));
        var latest = await reader.LatestAsync();
        Assert.Equal(10.5m, (await reader.ObservationAsync(latest, "lc-etdz", "general_budget_revenue", Period.Parse("2022-05")))!.Value);
        Assert.Empty(await new TableDirtyPeriodStore(storage.Clients).ListAsync());
    }
}
