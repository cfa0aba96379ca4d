using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Bench;

/// <summary>The full publish: the snapshot written to blobs; items are the snapshot's files (its manifest's count).</summary>
public sealed record PublishMeasure(StageFigures Figures, SnapshotPointer Published, int SnapshotFiles, BenchStage Stage)
{
    public static async Task<PublishMeasure> RunAsync(BenchRun run, MemorySampler memory, CancellationToken ct)
    {
        run.Say("publish");
        var mark = run.Mark();
        var pointer = await run.Services.Pipeline.PublishAsync(ct);
        var f = mark.Take();
        var latest = pointer ?? throw new InvalidOperationException("publish wrote nothing");
        var manifest = await run.Services.Get<SnapshotReader>().ReadAsync<SnapshotManifest>(latest, SnapshotLayout.ManifestFile, ct);
        var files = manifest?.Files.Count ?? 0;
        var stage = new BenchStage("publish (snapshot to blobs)", true, f.Seconds, files, files / f.Seconds,
            f.StorageSeconds, f.Seconds - f.StorageSeconds, "items = snapshot files", BenchMath.MiB(memory.TakeStagePeak()))
            { Transactions = f.Transactions, Cpu = f.Cpu };
        return new PublishMeasure(f, latest, files, stage);
    }
}
