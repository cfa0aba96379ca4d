using System.Text;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Incoming;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>
/// Issue 31 #2: the office uploads observations.csv again, under the same name, while a run is busy with the first
/// one. The archive keeps the bytes the run imported; the re-upload stays in incoming and is the next run's import.
/// </summary>
public sealed class DropFolderReuploadTests
{
    private static byte[] Retail(decimal value) => Encoding.UTF8.GetBytes($"zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,{value}\n");

    private static async Task<decimal> StoredAsync(TestStorage storage) =>
        (await new TableObservationStore(storage.Clients).ReadPeriodsAsync([Period.Parse("2022-05")]))
            .Single(o => o.Zone == "lc-etdz" && o.Indicator == "retail_sales").Value!.Value;

    [Fact]
    public async Task A_file_re_uploaded_mid_run_is_not_archived_under_the_old_import_and_is_imported_next_run()
    {
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var incoming = storage.Clients.Container(storage.Clients.Options.IncomingContainer);
        await incoming.GetBlobClient("observations.csv").UploadAsync(new BinaryData(Retail(40m)));

        // The correction arrives while the first run publishes (after its import, before filing away).
        var hook = TestHook.At(PipelineHook.PublishBeforeSwap, 1,
            () => incoming.GetBlobClient("observations.csv").UploadAsync(new BinaryData(Retail(41m)), overwrite: true));
        var first = await new DropFolder(storage.Clients).ProcessAsync(storage.Pipeline(hook: hook), new IngestOptions());
        Assert.Equal(1, hook.Count(PipelineHook.PublishBeforeSwap));
        var imported = Assert.Single(first.Imports);
        Assert.Equal(ImportStatus.Success, imported.Status);
        Assert.Equal(40m, await StoredAsync(storage));

        // The archive holds exactly the bytes imported; the correction waits in incoming.
        var archive = storage.Clients.Container(storage.Clients.Options.ArchiveContainer);
        var archived = new List<string>();
        await foreach (var b in archive.GetBlobsAsync()) archived.Add(b.Name);
        var name = Assert.Single(archived);
        Assert.Contains(imported.ImportId, name);
        Assert.Equal(Retail(40m), (await archive.GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(Retail(41m), (await incoming.GetBlobClient("observations.csv").DownloadContentAsync()).Value.Content.ToArray());

        // The next run imports the correction and files it away.
        var second = await new DropFolder(storage.Clients).ProcessAsync(storage.Pipeline(), new IngestOptions());
        var next = Assert.Single(second.Imports);
        Assert.Equal(ImportStatus.Success, next.Status);
        Assert.Equal(41m, await StoredAsync(storage));
        Assert.False(await incoming.GetBlobClient("observations.csv").ExistsAsync());
        await foreach (var b in archive.GetBlobsAsync())
            if (b.Name.Contains(next.ImportId))
                Assert.Equal(Retail(41m), (await archive.GetBlobClient(b.Name).DownloadContentAsync()).Value.Content.ToArray());
    }
}
