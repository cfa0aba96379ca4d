using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Results;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>Issue 10 #7: a results blob is written whole or not at all, and a corrupt one is recomputed, never fatal.</summary>
public sealed class ResultsTests
{
    /// <summary>Rankings whose enumeration fails half-way, as a process killed while serialising would leave them.</summary>
    private sealed class FailsHalfway(IReadOnlyList<Ranking> inner) : IReadOnlyList<Ranking>
    {
        public Ranking this[int index] => inner[index];
        public int Count => inner.Count;
        public IEnumerator<Ranking> GetEnumerator()
        {
            for (var i = 0; i < inner.Count; i++)
            {
                if (i == inner.Count / 2) throw new IOException("进程中途停止 / the process stopped half-way");
                yield return inner[i];
            }
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public async Task A_save_that_fails_half_way_leaves_the_previous_results_whole()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        var store = new BlobResultStore(storage.Clients);
        var may = Period.Parse("2022-05");
        var good = (await store.LoadAsync(may))!;
        Assert.True(good.Rankings.Count > 10);

        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync(good with { Rankings = new FailsHalfway(good.Rankings) }));
        var after = await store.LoadAsync(may);
        Assert.NotNull(after);
        Assert.Equal(good.Rankings.Count, after.Rankings.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"period\":\"2022-05\",\"rankings\":[{\"per")]
    [InlineData("not json at all")]
    public async Task A_corrupt_results_blob_is_recomputed_and_publish_and_run_go_on(string content)
    {
        var storage = new TestStorage();
        var first = await storage.RunSeedsAsync();
        var container = storage.Clients.Container(storage.Clients.Options.ResultsContainer);
        await container.GetBlobClient("2022-05.json").UploadAsync(BinaryData.FromString(content), overwrite: true);

        var pipeline = storage.Pipeline();
        var progress = new List<string>();
        pipeline.Progress.Line += line => progress.Add(line.En);
        // The same content as before the corruption: the recomputed period equals what was published.
        var pointer = await pipeline.PublishAsync();
        Assert.Null(pointer);
        Assert.Contains(progress, l => l.Contains("2022-05") && l.Contains("recomput"));
        Assert.NotNull(await new BlobResultStore(storage.Clients).LoadAsync(Period.Parse("2022-05")));

        await container.GetBlobClient("2022-05.json").UploadAsync(BinaryData.FromString(content), overwrite: true);
        var run = await storage.Pipeline().RunAsync([], new IngestOptions());
        Assert.Equal(first.Snapshot!.ContentHash, run.Snapshot!.ContentHash);
    }
}
