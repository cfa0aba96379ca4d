using FunctionsZone.Bench.Generation;
using FunctionsZone.Core.Domain;
using Microsoft.Extensions.Configuration;

namespace FunctionsZone.Bench;

/// <summary>The sizes `fz bench --size` knows.</summary>
public enum BenchSize { Small, Medium, National }

/// <summary>
/// One benchmark run: the storage ceiling, the naive way, then FunctionsZone's ingest, recompute, publish and reads,
/// all on the same storage account in tables and containers of its own (a unique prefix), deleted at the end.
/// Each measurement is a file of its own (WarmUp, IngestPass, CeilingMeasure, NaiveMeasure, PipelineMeasure with
/// RecomputeMeasure and PublishMeasure, CompositeMeasure, IncrementalPublish, QueryMeasure, MachineInfo); this class
/// runs them in their order and BenchReportBuilder puts the report together.
/// </summary>
public sealed class BenchRunner(IConfiguration configuration, BenchSize size, Action<string>? progress = null)
{
    public int Seed { get; init; } = 1;
    public int NaiveSample { get; init; } = 10_000;
    /// <summary>Entities the untimed warm-up writes before the first timed pass.</summary>
    public int WarmUpEntities { get; init; } = 20_000;
    public TimeSpan NaiveBudget { get; init; } = TimeSpan.FromSeconds(15);
    public int QueryIterations { get; init; } = 200;
    public TimeSpan QueryBudget { get; init; } = TimeSpan.FromSeconds(15);
    public bool Keep { get; init; }
    /// <summary>
    /// Run the pipeline's stages under a 512 MB instance's GC heap limit (<see cref="InstanceMemoryLimit"/>). The limit is
    /// the process's, so only a process of its own sets it (fz bench), never a host running other work beside it.
    /// </summary>
    public bool InstanceHeapLimit { get; init; }
    /// <summary>The storage emulator's process, whose CPU each stage reports (CpuMeter); null when unknown.</summary>
    public int? StoragePid { get; init; }

    public static GeneratorOptions? GeneratorFor(BenchSize size, int seed) => size switch
    {
        BenchSize.Medium => new GeneratorOptions { Zones = 300, Indicators = 60, Months = 12, Seed = seed },
        BenchSize.National => new GeneratorOptions { Zones = 2_700, Indicators = 60, Months = 1, Seed = seed, Start = Period.OfMonth(2022, 5) },
        _ => null,
    };

    public async Task<BenchReport> RunAsync(CancellationToken ct = default)
    {
        var started = DateTimeOffset.UtcNow;
        var id = "b" + Guid.NewGuid().ToString("N")[..9];
        // The composition root under the run's prefix, each store wrapped to split storage time from in-memory work.
        await using var services = BenchServices.Build(configuration, id);
        BenchInput? input = null;
        try
        {
            // 0. The input files: the seeds, or generated data in a temporary folder.
            input = BenchInput.Prepare(GeneratorFor(size, Seed), progress);
            var run = new BenchRun(this, size, configuration, id, services, input, new CpuMeter(StoragePid), progress);
            return await MeasureAsync(run, started, ct);
        }
        finally
        {
            if (!Keep) await BenchCleanUp.RunAsync(services.Clients, id, progress);
            input?.Dispose();
        }
    }

    /// <summary>The measurements in their order; why this order is in each step's comment and docs/performance.md.</summary>
    private static async Task<BenchReport> MeasureAsync(BenchRun run, DateTimeOffset started, CancellationToken ct)
    {
        // Warm-up, untimed, on the entities the observation store writes (parsed and validated outside the timings).
        var values = await WarmUp.RunAsync(run, ct);
        // The emulator slows as a run goes on (a national run at f210975: the ceiling's pass after the pipeline took
        // 101.2 s against 88.3 s before it), so the two ingest passes and the two ceiling passes go in the order
        // ingest, ceiling, ceiling, ingest: neither side has the fresher storage.
        var first = await IngestPass.FirstAsync(run, values, ct);
        // 1–2. Ceiling (the SDK alone, two passes) and naive (one upsert per value); their entities are dropped after.
        var ceiling = await CeilingMeasure.RunAsync(run, values, ct);
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        // 3–5. FunctionsZone's pipeline on the real stores: the second ingest pass, recompute and publish.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var pipeline = await PipelineMeasure.RunAsync(run, values, first, ct);
        // The bench's own re-runs, not stages of the pipeline: after publish, outside the pipeline's memory window.
        var rerun = await RerunMeasure.RunAsync(run, pipeline, allocatedBefore, ct);
        // 6. Reads through the function classes in process, with real HttpRequests, and over HTTP.
        run.Say("queries");
        var queries = new List<BenchQuery> { ceiling.PointRead };
        queries.AddRange(await QueryMeasure.RunAsync(run, ct));
        var machine = await MachineInfo.ReadAsync(run.Services.Clients, ct);
        return BenchReportBuilder.Build(run, started, values, ceiling, pipeline, rerun, queries, machine);
    }
}
