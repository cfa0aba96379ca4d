using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Tests.Ingest;
using FunctionsZone.Storage.Memory;

namespace FunctionsZone.Core.Tests.Pipeline;

/// <summary>The seeds through the pipeline on storage in memory, and a reader of what it published.</summary>
internal static class MemoryPipeline
{
    public static IReadOnlyList<InputFile> SeedFiles() => InputFile.FromFolder(Repo.Seeds);

    /// <summary>Storage in memory whose publishes render no briefing (BriefingPageTests and the snapshot tests cover them).</summary>
    public static MemoryStorage Storage() => new();

    public static async Task<MemoryStorage> SeededAsync()
    {
        var storage = Storage();
        var run = await storage.Pipeline().RunAsync(SeedFiles(), new IngestOptions());
        Assert.All(run.Imports, i => Assert.NotEqual(ImportStatus.Error, i.Status));
        return storage;
    }

    public static SnapshotReader Reader(this MemoryStorage storage) => new(storage.Snapshots);
}
