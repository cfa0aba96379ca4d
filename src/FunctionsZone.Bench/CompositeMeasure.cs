using System.Diagnostics;
using FunctionsZone.Core.Derived;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Registry;
using FunctionsZone.Storage;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Storage.References;

namespace FunctionsZone.Bench;

/// <summary>
/// The composite step alone: EvaluationStep.Composites again on the same stored data, as recompute calls it, and its
/// stage line (part of recompute, so not added to end to end).
/// </summary>
public static class CompositeMeasure
{
    public static async Task<(BenchComposites Figures, BenchStage Stage)> RunAsync(BenchRun run, IReadOnlyList<Period> periods,
        RecomputeMeasure recompute, CancellationToken ct)
    {
        await using var memory = new MemorySampler();
        run.Say("composite: the evaluation schemes alone, re-timed on the same data");
        var f = await EvaluateAsync(run.Services.Clients, run.Input.Registry, periods, recompute.Composites, ct);
        var stage = f.Results == 0
            ? new BenchStage("composite (Monte Carlo draws)", false, 0, 0, null,
                Note: $"no scheme found its group and indicators in the data: {string.Join("; ", f.Skipped)}")
            : new BenchStage($"composite ({f.Draws:N0} Monte Carlo draws), part of recompute", true, f.Seconds, f.Results, f.Results / f.Seconds, 0, f.Seconds,
                $"{string.Join(", ", f.Schemes)}; {f.Seconds / recompute.Figures.Seconds:P0} of recompute; items = scheme × period evaluations",
                BenchMath.MiB(memory.TakeStagePeak()));
        return (f, stage);
    }

    /// <summary>
    /// The schemes recompute evaluates (those ingested into fzSchemes), timed alone on the stored data of every period, with
    /// the derived values recompute derives; the count must equal what recompute itself produced.
    /// </summary>
    private static async Task<BenchComposites> EvaluateAsync(StorageClients clients, ZoneRegistry registry, IReadOnlyList<Period> periods,
        IReadOnlyList<CompositeResult> fromRecompute, CancellationToken ct)
    {
        var official = await new TableReferenceStore(clients).LoadOfficialRanksAsync(ct);
        var catalog = new SchemeCatalog(await new TableReferenceStore(clients).LoadSchemesAsync(ct));
        var set = new ObservationSet(await new TableObservationStore(clients).ReadPeriodsAsync(periods, ct));
        foreach (var d in DerivedFigures.Derive(registry, set, periods)) set.Add(d);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<CompositeResult>();
        var sw = Stopwatch.StartNew();
        foreach (var p in periods) results.AddRange(EvaluationStep.Composites(registry, set, p, official, catalog, (_, en) => skipped.Add(en)));
        var seconds = sw.Elapsed.TotalSeconds;
        foreach (var s in catalog.Schemes.Where(s => results.All(r => r.Scheme != s.Id) && !skipped.Any(m => m.Contains(s.Id))))
            skipped.Add($"{s.Id}: fewer than two zones with enough of its indicators");
        var schemes = results.GroupBy(r => r.Scheme).Select(g => $"{g.Key} ({g.Max(r => r.Zones.Count)} zones × {g.First().Indicators.Count} columns × {g.Count()} periods)").ToList();
        return new BenchComposites(results.Count, fromRecompute.Count, results.Count == 0 ? 0 : results.Max(r => r.Draws), seconds, schemes, skipped.Order(StringComparer.Ordinal).ToList());
    }
}
