using Azure.Data.Tables;

namespace FunctionsZone.Bench;

/// <summary>The naive way: one upsert per value, on a sample, extrapolated to all values.</summary>
public sealed record NaiveMeasure(BenchStage Stage, double Rate)
{
    public static async Task<NaiveMeasure> RunAsync(BenchRun run, StorageCeiling ceiling, IReadOnlyList<TableEntity> entities, CancellationToken ct)
    {
        run.Say("naive: one upsert per value (sample)");
        var (time, written) = await ceiling.NaiveAsync(entities, run.Settings.NaiveSample, run.Settings.NaiveBudget, ct);
        var rate = written / time.TotalSeconds;
        var values = entities.Count;
        var extrapolated = written < values;
        return new(new BenchStage("naive (1 upsert per value)", true, extrapolated ? values / rate : time.TotalSeconds, values, rate,
            Note: extrapolated ? $"extrapolated from {written:N0} values in {time.TotalSeconds:0.0} s" : "all values, one by one"), rate);
    }
}
