using Azure.Data.Tables;

namespace FunctionsZone.Bench;

/// <summary>One ceiling pass: the entities written into a table of its own and read back by partition, each timed with its CPU.</summary>
public sealed record CeilingPass(TimeSpan Write, StageFigures WriteFigures, TimeSpan Read, long ReadCount, StageFigures ReadFigures)
{
    public static async Task<CeilingPass> RunAsync(BenchRun run, StorageCeiling pass, IReadOnlyList<TableEntity> entities, IReadOnlyList<string> partitions, CancellationToken ct)
    {
        var mark = run.Mark();
        var write = await pass.WriteAsync(entities, ct);
        var writeFigures = mark.Take();
        mark = run.Mark();
        var (read, count) = await pass.ReadAsync(partitions, ct);
        return new(write, writeFigures, read, count, mark.Take());
    }
}

/// <summary>
/// The storage ceiling: the SDK writing and reading the run's entities, nothing else, twice (this machine is shared, so
/// the ceiling is the better of two passes); between the passes the raw point read and the naive way on the first table.
/// </summary>
public sealed record CeilingMeasure(CeilingPass First, CeilingPass Second, int Parallelism, InputValues Values, BenchQuery PointRead, NaiveMeasure Naive)
{
    /// <summary>The better write and read; the requests counted are the first pass's (the same writes either way).</summary>
    public TimeSpan Write => Second.Write < First.Write ? Second.Write : First.Write;
    public TimeSpan Read => Second.Read < First.Read ? Second.Read : First.Read;
    public long ReadCount => Math.Min(First.ReadCount, Second.ReadCount);

    public static async Task<CeilingMeasure> RunAsync(BenchRun run, InputValues values, CancellationToken ct)
    {
        var entities = run.Input.Entities();
        var clients = run.Services.Clients;
        var parallelism = StorageCeiling.Parallelism(clients);
        var table = clients.Table("Ceiling");
        var ceiling = new StorageCeiling(table, parallelism);
        run.Say($"ceiling: write {values.Count:N0} entities in {values.Partitions.Count:N0} partitions");
        var first = await CeilingPass.RunAsync(run, ceiling, entities, values.Partitions, ct);
        var pointRead = await PointReadAsync(run, ceiling, entities[entities.Count / 2], ct);
        var naive = await NaiveMeasure.RunAsync(run, ceiling, entities, ct);
        await table.DeleteAsync(ct);
        run.Say("ceiling: second pass");
        var second = await CeilingPass.RunAsync(run, new StorageCeiling(clients.Table("Ceiling2"), parallelism), entities, values.Partitions, ct);
        await clients.Table("Ceiling2").DeleteAsync(ct);
        return new CeilingMeasure(first, second, parallelism, values, pointRead, naive);
    }

    private static Task<BenchQuery> PointReadAsync(BenchRun run, StorageCeiling ceiling, TableEntity sample, CancellationToken ct) =>
        Latency.MeasureAsync("raw point read (table entity)", () => ceiling.PointReadAsync(sample.PartitionKey, sample.RowKey, ct),
            run.Settings.QueryIterations, run.Settings.QueryBudget, "GetEntity of one observation");

    /// <summary>The report's two ceiling lines, each the better of the two passes with both named.</summary>
    public IReadOnlyList<BenchStage> Stages() =>
    [
        new BenchStage("ceiling write (SDK batches)", true, Write.TotalSeconds, Values.Count, Values.Count / Write.TotalSeconds,
            Note: $"transactions of 100, {Parallelism} at once; best of {First.Write.TotalSeconds:0.0} s and {Second.Write.TotalSeconds:0.0} s")
            { Transactions = First.WriteFigures.Transactions, Cpu = Second.Write < First.Write ? Second.WriteFigures.Cpu : First.WriteFigures.Cpu },
        new BenchStage("ceiling read (by partition)", true, Read.TotalSeconds, ReadCount, ReadCount / Read.TotalSeconds,
            Note: $"{Values.Partitions.Count:N0} partitions, {Parallelism} at once; best of {First.Read.TotalSeconds:0.0} s and {Second.Read.TotalSeconds:0.0} s")
            { Transactions = First.ReadFigures.Transactions, Cpu = Second.Read < First.Read ? Second.ReadFigures.Cpu : First.ReadFigures.Cpu },
    ];
}
