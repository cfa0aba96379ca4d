using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Integration.Tests.Reliability;
using FunctionsZone.Storage.Incoming;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests;

/// <summary>Issue 30 item 8: a file that imports nothing is an error everywhere — fz ingest exits 2, the drop folder rejects it.</summary>
public class UnknownFileTests
{
    private static string Corpus(string name) => Path.Combine(CorpusTests.CorpusFolder, name);

    [Fact]
    public async Task Fz_ingest_exits_2_on_a_file_that_imports_nothing()
    {
        var storage = new TestStorage();
        var (exit, output) = await storage.FzAsync("ingest", Corpus("imports-nothing.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("unknown-file", output);
    }

    [Fact]
    public async Task The_drop_folder_rejects_a_file_that_imports_nothing_and_archives_a_tsv()
    {
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var incoming = storage.Clients.Container(storage.Clients.Options.IncomingContainer);
        await incoming.CreateIfNotExistsAsync();
        foreach (var name in new[] { "imports-nothing.csv", "long-header-tab.tsv" })
            await BlobNameTests.PutRawAsync(incoming, name, File.ReadAllBytes(Corpus(name)));

        var run = await storage.Get<DropFolder>().ProcessAsync(storage.Pipeline(), new IngestOptions());

        Assert.Equal(ImportStatus.Error, run.Imports.Single(s => s.File == "imports-nothing.csv").Status);
        Assert.Equal(ImportStatus.Success, run.Imports.Single(s => s.File == "long-header-tab.tsv").Status);
        async Task<List<string>> Names(string container)
        {
            var names = new List<string>();
            await foreach (var b in storage.Clients.Container(container).GetBlobsAsync()) names.Add(b.Name);
            return names;
        }
        Assert.Contains(await Names(storage.Clients.Options.RejectedContainer), n => n.EndsWith("/imports-nothing.csv"));
        Assert.Contains(await Names(storage.Clients.Options.ArchiveContainer), n => n.EndsWith("/long-header-tab.tsv"));
    }
}
