namespace FunctionsZone.Bench;

/// <summary>
/// Entities of the run written, read and dropped in a table of their own, untimed, so no timed pass meets cold code:
/// whichever pass ran first met a cold emulator and a cold SDK (national, 2026-12-04: ingest 78.4 s first, 70.8 s
/// second; ceiling 63.8 s first, 61.3 s second), and that was always the ingest's.
/// </summary>
public static class WarmUp
{
    /// <summary>Runs the warm-up on the input's entities and returns what they hold; the entities are dropped after.</summary>
    public static async Task<InputValues> RunAsync(BenchRun run, CancellationToken ct)
    {
        var entities = run.Input.Entities();
        var values = InputValues.Of(entities);
        var sample = StorageCeiling.Spread(entities, run.Settings.WarmUpEntities).ToList();
        var table = run.Services.Clients.Table("Warmup");
        var pass = new StorageCeiling(table, StorageCeiling.Parallelism(run.Services.Clients));
        var write = await pass.WriteAsync(sample, ct);
        await pass.ReadAsync(sample.Select(e => e.PartitionKey).Distinct(), ct);
        await table.DeleteAsync(ct);
        run.Say($"warm-up: {sample.Count:N0} entities written in {write.TotalSeconds:0.0} s, read, dropped (untimed)");
        return values;
    }
}
