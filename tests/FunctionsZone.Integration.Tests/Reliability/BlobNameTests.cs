using System.Text;
using Azure.Storage;
using Azure.Storage.Blobs;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Incoming;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>
/// Issue 10 #1: blob names listed from incoming/ are input. A name that walks out of its container is refused with a
/// finding and nothing outside incoming/ is touched; a name that points nowhere stops neither the run nor the other files.
/// </summary>
public sealed class BlobNameTests
{
    public const string AccountKey = Azurite.AccountKey;

    /// <summary>Creates a blob with exactly this name, '/' and '.' segments included (escaped, so nothing normalises them away).</summary>
    public static async Task PutRawAsync(BlobContainerClient container, string name, byte[] content)
    {
        var uri = new Uri($"{container.Uri}/{Uri.EscapeDataString(name)}");
        var raw = new BlobClient(uri, new StorageSharedKeyCredential("devstoreaccount1", AccountKey));
        await raw.UploadAsync(new BinaryData(content), overwrite: true);
    }

    [Fact]
    public async Task A_name_that_climbs_out_of_incoming_is_refused_and_latest_stays()
    {
        var storage = new TestStorage();
        var first = await storage.RunSeedsAsync();
        var snapshots = storage.Clients.Container(storage.Clients.Options.SnapshotContainer);
        var latestBefore = (await snapshots.GetBlobClient("latest.json").DownloadContentAsync()).Value.Content.ToArray();

        var incoming = storage.Clients.Container(storage.Clients.Options.IncomingContainer);
        var climbing = $"../{storage.Clients.Options.SnapshotContainer}/latest.json";
        await PutRawAsync(incoming, climbing, "zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,1\n"u8.ToArray());
        var names = new List<string>();
        await foreach (var b in incoming.GetBlobsAsync()) names.Add(b.Name);
        Assert.Contains(climbing, names);

        var run = await new DropFolder(storage.Clients).ProcessAsync(storage.Pipeline(), new IngestOptions());
        var refused = Assert.Single(run.Imports);
        Assert.Equal(ImportStatus.Error, refused.Status);
        Assert.Equal("unsafe-blob-name", Assert.Single(refused.Findings).Code);

        // latest.json is where it was, with the same bytes; nothing was archived or rejected.
        var latestAfter = (await snapshots.GetBlobClient("latest.json").DownloadContentAsync()).Value.Content.ToArray();
        Assert.Equal(latestBefore, latestAfter);
        Assert.Equal(first.Snapshot!.Version, run.Snapshot!.Version);
        var rejected = storage.Clients.Container(storage.Clients.Options.RejectedContainer);
        if (await rejected.ExistsAsync())
            await foreach (var b in rejected.GetBlobsAsync()) Assert.Fail($"rejected/{b.Name} was written");

        // The next run refuses it again and still leaves latest alone.
        await new DropFolder(storage.Clients).ProcessAsync(storage.Pipeline(), new IngestOptions());
        Assert.Equal(latestBefore, (await snapshots.GetBlobClient("latest.json").DownloadContentAsync()).Value.Content.ToArray());
    }

    [Theory]
    [InlineData("a\\..\\b.csv")]
    [InlineData("./here.csv")]
    [InlineData("dir/../x.csv")]
    [InlineData("del\u007F.csv")]
    [InlineData("tab\tname.csv")]
    [InlineData("line\nbreak.csv")]
    public async Task Names_with_dot_segments_backslashes_or_control_characters_are_refused_and_the_good_file_imported(string bad)
    {
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var incoming = storage.Clients.Container(storage.Clients.Options.IncomingContainer);
        await PutRawAsync(incoming, bad, "zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,1\n"u8.ToArray());
        await incoming.GetBlobClient("good.csv").UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,40\n")));

        var run = await new DropFolder(storage.Clients).ProcessAsync(storage.Pipeline(), new IngestOptions());
        Assert.Equal(2, run.Imports.Count);
        Assert.Contains(run.Imports, s => s.Findings.Any(f => f.Code == "unsafe-blob-name") && s.Status == ImportStatus.Error);
        var good = Assert.Single(run.Imports, s => s.File == "good.csv");
        Assert.Equal(ImportStatus.Success, good.Status);
        Assert.False(await incoming.GetBlobClient("good.csv").ExistsAsync());
        var stored = (await new FunctionsZone.Storage.Observations.TableObservationStore(storage.Clients).ReadPeriodsAsync([Core.Domain.Period.Parse("2022-05")]))
            .Single(o => o.Zone == "lc-etdz" && o.Indicator == "retail_sales");
        Assert.Equal(40m, stored.Value);
    }

    [Fact]
    public async Task A_name_that_points_nowhere_is_a_finding_and_the_other_files_go_through()
    {
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var incoming = storage.Clients.Container(storage.Clients.Options.IncomingContainer);
        // A trailing dot: listed under its name, but the request for it loses the dot and finds nothing.
        await PutRawAsync(incoming, "nowhere.csv.", "zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,1\n"u8.ToArray());
        await incoming.GetBlobClient("good.csv").UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,41\n")));

        var run = await new DropFolder(storage.Clients).ProcessAsync(storage.Pipeline(), new IngestOptions());
        Assert.Contains(run.Imports, s => s.File == "good.csv" && s.Status == ImportStatus.Success);
        Assert.Contains(run.Imports, s => s.Status == ImportStatus.Error && s.Findings.Any(f => f.Code is "unsafe-blob-name" or "blob-not-found"));
        Assert.NotNull(run.Snapshot);
    }
}
