using System.Text;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Memory;

namespace FunctionsZone.Integration.Tests.Storage;

/// <summary>
/// The storage ports in memory (FunctionsZone.Storage.Memory), which the pipeline's logic tests run on, answer as the
/// tables and blobs on Azurite do: the same files through both give the same counts, the same recomputed periods, the
/// same published content and the same history of a correction (one clock for both: import ids name their time).
/// </summary>
public sealed class MemoryStorageAgreementTests
{
    [Fact]
    public async Task The_seeds_and_a_correction_publish_the_same_content_in_memory_as_on_Azurite()
    {
        var azurite = new TestStorage();
        var memory = new MemoryStorage(new Reliability.FixedClock());
        var correction = new InputFile("fix.csv", Encoding.UTF8.GetBytes("zone,indicator,period,value,unit\nlc-etdz,general_budget_revenue,2022-05,12.5,亿元\n"));

        foreach (var files in new[] { TestStorage.SeedFiles(), [correction] })
        {
            var onAzurite = await azurite.Pipeline(new Reliability.FixedClock()).RunAsync(files, new IngestOptions());
            var inMemory = await memory.Pipeline().RunAsync(files, new IngestOptions());
            Assert.Equal(Describe(onAzurite.Imports), Describe(inMemory.Imports));
            Assert.Equal(onAzurite.Recomputed, inMemory.Recomputed);
            Assert.True(onAzurite.Snapshot!.ContentHash == inMemory.Snapshot!.ContentHash, await DifferingAsync(azurite, memory));
            Assert.Equal(onAzurite.Snapshot.Periods, inMemory.Snapshot.Periods);
        }

        var period = Core.Domain.Period.Parse("2022-05");
        var tableHistory = await azurite.Get<Core.Ports.IHistoryStore>().ReadAsync("lc-etdz", "general_budget_revenue", period);
        var memoryHistory = await memory.Observations.ReadAsync("lc-etdz", "general_budget_revenue", period);
        Assert.Equal(tableHistory.Select(c => (c.OldValue, c.NewValue, c.OldSourceFile, c.SourceFile)), memoryHistory.Select(c => (c.OldValue, c.NewValue, c.OldSourceFile, c.SourceFile)));
        Assert.NotEmpty(memoryHistory);
    }

    /// <summary>The logical files whose bytes differ, for the failure's message.</summary>
    private static async Task<string> DifferingAsync(TestStorage azurite, MemoryStorage memory)
    {
        static async Task<Dictionary<string, string>> FilesAsync(Core.Ports.ISnapshotSource source)
        {
            var latest = (await source.LatestAsync())!;
            var manifest = System.Text.Json.JsonSerializer.Deserialize<Core.Snapshots.SnapshotManifest>((await source.ReadAsync(latest.Version, Core.Snapshots.SnapshotLayout.ManifestFile))!, Core.Json.Options)!;
            return manifest.Files.ToDictionary(f => f.Path, f => f.Sha256);
        }
        var a = await FilesAsync(azurite.Get<Core.Ports.ISnapshotSource>());
        var m = await FilesAsync(memory.Snapshots);
        var differ = a.Keys.Union(m.Keys).Where(k => a.GetValueOrDefault(k) != m.GetValueOrDefault(k)).Order().ToList();
        var first = differ.FirstOrDefault(k => a.ContainsKey(k) && m.ContainsKey(k));
        var detail = first is null ? "" : $"\n{first} on Azurite:\n{Encoding.UTF8.GetString((await azurite.Get<Core.Ports.ISnapshotSource>().ReadAsync((await azurite.Get<Core.Ports.ISnapshotSource>().LatestAsync())!.Version, first))!)[..2000]}\nin memory:\n{Encoding.UTF8.GetString((await memory.Snapshots.ReadAsync((await memory.Snapshots.LatestAsync())!.Version, first))!)[..2000]}";
        return $"{differ.Count} files differ: {string.Join(", ", differ.Take(20))}{detail}";
    }

    private static IEnumerable<string> Describe(IReadOnlyList<ImportSummary> imports) =>
        imports.Select(i => $"{i.File} {i.Kind} {i.Status} {i.Counts} {i.Findings.Count}");
}
