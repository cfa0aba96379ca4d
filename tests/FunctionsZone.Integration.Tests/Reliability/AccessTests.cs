using System.Net;
using System.Text;
using System.Text.Json;
using FunctionsZone.Core.History;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Imports;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Storage.References;
using FunctionsZone.Storage.Results;
using FunctionsZone.Storage.Snapshots;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>Issue 10 #9: nothing anonymous that should not be, history from what was published, reads create nothing.</summary>
public sealed class AccessTests
{
    private const string Key = "access-test-key";

    [Fact]
    public async Task Import_summaries_history_and_writes_need_a_function_key_by_default()
    {
        var storage = new TestStorage(new Dictionary<string, string?> { ["FunctionsZone:FunctionKeys"] = Key });
        var run = await storage.RunSeedsAsync();
        // fz serve's host with the real worker behind it.
        await using var host = await TestHost.StartAsync(storage.Configuration);
        var http = host.Http;
        var id = run.Imports[0].ImportId;
        foreach (var path in new[] { "api/imports", $"api/imports/{id}", "api/history?zone=lc-etdz&indicator=retail_sales&period=2022-05" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(path + (path.Contains('?') ? "&" : "?") + $"code={Key}")).StatusCode);
        }
        foreach (var path in new[] { "api/ingest?file=x.csv", "api/recompute?period=2022-05", "api/publish", "api/run" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync(path, new ByteArrayContent([]))).StatusCode);
        // Published figures stay public.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/zones")).StatusCode);
    }

    [Fact]
    public async Task History_serves_the_published_figure_and_marks_an_unpublished_correction()
    {
        var storage = new TestStorage(new Dictionary<string, string?> { ["FunctionsZone:FunctionKeys"] = Key });
        await storage.RunSeedsAsync();
        var fix = new InputFile("fix.csv", "zone,indicator,period,value,unit\nlc-etdz,retail_sales,2022-05,35,亿元\n"u8.ToArray());
        Assert.Equal(ImportStatus.Success, (await storage.Pipeline().IngestAsync(fix, new IngestOptions())).Status);

        // fz serve's host with the real worker behind it.
        await using var host = await TestHost.StartAsync(storage.Configuration);
        var http = host.Http;
        async Task<ValueHistory> Get() => JsonSerializer.Deserialize<ValueHistory>(
            await http.GetStringAsync($"api/history?zone=lc-etdz&indicator=retail_sales&period=2022-05&code={Key}"), Core.Json.Options)!;

        // The route needs a key, so its readers may see a correction not yet published: shown, marked as such.
        var unpublished = await Get();
        Assert.Equal(33.4m, unpublished.Current!.Value);
        var pending = Assert.Single(unpublished.Changes);
        Assert.Equal((33.4m, 35m, false), (pending.OldValue, pending.NewValue, pending.Published));

        await storage.Pipeline().RunAsync([], new IngestOptions());
        var published = await Get();
        Assert.Equal(35m, published.Current!.Value);
        Assert.Equal((33.4m, 35m, true), (published.Changes.Single().OldValue, published.Changes.Single().NewValue, published.Changes.Single().Published));
    }

    [Fact]
    public async Task Reads_on_a_fresh_account_create_no_table_and_no_container()
    {
        var storage = new TestStorage();
        var c = storage.Clients;
        await new TableReferenceStore(c).LoadRegistryAsync();
        await new TableReferenceStore(c).LoadTargetsAsync();
        await new TableReferenceStore(c).LoadValidationRulesAsync();
        await new TableObservationStore(c).ListPeriodsAsync();
        await new TableObservationStore(c).ReadPeriodsAsync([Core.Domain.Period.Parse("2022-05")]);
        await new BlobResultStore(c).ListAsync();
        await new BlobResultStore(c).LoadAsync(Core.Domain.Period.Parse("2022-05"));
        await new BlobSnapshotStore(c).LatestAsync();
        await new BlobSnapshotStore(c).ListVersionsAsync();
        await new ImportLogReader(c).ListAsync(null);
        await new ImportLogReader(c).GetAsync("none");
        await new FunctionsZone.Storage.History.TableHistoryStore(c).ReadAsync("lc-etdz", "retail_sales", Core.Domain.Period.Parse("2022-05"));
        await new FunctionsZone.Storage.Incoming.DropFolder(c).ReadIncomingAsync();

        var prefix = c.Options.TablePrefix;
        await foreach (var t in c.Tables.QueryAsync(t => t.Name.CompareTo(prefix) >= 0 && t.Name.CompareTo(prefix + "~") < 0))
            Assert.Fail($"table {t.Name} was created by a read");
        await foreach (var b in c.Blobs.GetBlobContainersAsync(prefix: prefix))
            Assert.Fail($"container {b.Name} was created by a read");
    }
}
