using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;

namespace FunctionsZone.Bench;

/// <summary>Recompute as RunAsync does it: every period in one pass, each stored period read once; items are rankings.</summary>
public sealed record RecomputeMeasure(StageFigures Figures, int Rankings, int Targets, IReadOnlyList<CompositeResult> Composites, BenchStage Stage)
{
    public static async Task<RecomputeMeasure> RunAsync(BenchRun run, IReadOnlyList<Period> periods, MemorySampler memory, CancellationToken ct)
    {
        run.Say($"recompute: {periods.Count} periods");
        int rankings = 0, targets = 0;
        var evaluated = new List<CompositeResult>();
        var mark = run.Mark();
        await run.Services.Pipeline.RecomputeAllAsync(periods, r => { rankings += r.Rankings.Count; targets += r.Targets.Count; evaluated.AddRange(r.Composites); }, ct);
        var f = mark.Take();
        var stage = new BenchStage("recompute (indicator × group × measure + composites)", true, f.Seconds, rankings, rankings / f.Seconds,
            f.StorageSeconds, f.Seconds - f.StorageSeconds,
            $"{periods.Count} periods; items = rankings; includes {evaluated.Count} composite evaluations", BenchMath.MiB(memory.TakeStagePeak()))
            { Transactions = f.Transactions, Cpu = f.Cpu };
        return new RecomputeMeasure(f, rankings, targets, evaluated, stage);
    }
}
