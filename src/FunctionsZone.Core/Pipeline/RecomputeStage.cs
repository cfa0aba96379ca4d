using FunctionsZone.Core.Derived;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Targets;
using FunctionsZone.Core.Telemetry;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Results;
using FunctionsZone.Core;

namespace FunctionsZone.Core.Pipeline;

/// <summary>What every period's recompute shares, loaded once: the registry, targets, official ranks and the stored-period cache.</summary>
internal sealed record RecomputeInputs(ZoneRegistry Registry, IReadOnlyList<Target> Targets, IReadOnlyList<OfficialRank> OfficialRanks, PeriodCache Cache,
    SchemeCatalog Schemes, ProjectRegistry Projects);

/// <summary>
/// Ranks, derived values (亩均, ratios of two indicators), target progress and composite evaluations of a period from its stored figures (those of
/// <see cref="PeriodDependencies.Reads"/>), saved to the results store under the pipeline's lock.
/// </summary>
public sealed class RecomputeStage(IObservationStore observations, IReferenceStore references, IResultStore results, PipelineLock pipelineLock,
    TargetThresholds thresholds, IPipelineHook hook, PipelineProgress progress)
{
    public TargetThresholds TargetThresholds => thresholds;

    /// <summary>One period, staged for publish.</summary>
    public Task<PeriodResults> RecomputeAsync(Period period, CancellationToken ct = default) =>
        pipelineLock.ExclusiveAsync($"recompute {period}", token =>
            PipelineTelemetry.StageAsync("recompute", period.ToString(), async () => await RecomputeAsync(period, await LoadInputsAsync(token), token)), ct);

    internal async Task<RecomputeInputs> LoadInputsAsync(CancellationToken ct) => new(
        await references.LoadRegistryAsync(ct),
        await references.LoadTargetsAsync(ct),
        await references.LoadOfficialRanksAsync(ct),
        new PeriodCache(observations, await observations.ListPeriodsAsync(ct)),
        await SchemeImporter.LoadCatalogAsync(references, ct),
        new ProjectRegistry(references is IProjectStore projects ? await projects.LoadProjectsAsync(ct) : []));

    /// <summary>
    /// Several periods in order with one registry and target load, reading each stored period once and keeping it only
    /// while a later period still reads it (PeriodDependencies).
    /// </summary>
    public Task<IReadOnlyList<string>> RecomputeAllAsync(IReadOnlyList<Period> periods, Action<PeriodResults>? each = null, CancellationToken ct = default) =>
        pipelineLock.ExclusiveAsync("recompute", async token =>
        {
            var ordered = periods.Distinct().Order().ToList();
            if (ordered.Count == 0) return (IReadOnlyList<string>)[];
            var inputs = await LoadInputsAsync(token);
            var done = new List<string>();
            // The next period's read is in flight while this one's rankings are computed, so the storage does not
            // wait for the computing (docs/performance.md, fifth pass). Only that read fills the cache meanwhile: the
            // computing works on its own list, and the loop trims the cache only once the read is in.
            Task<IReadOnlyList<Observation>>? next = inputs.Cache.ReadAsync(PeriodDependencies.Reads(ordered[0]), token);
            try
            {
                for (var i = 0; i < ordered.Count; i++)
                {
                    var stored = await next!;
                    inputs.Cache.KeepOnly(ordered.Skip(i + 1).SelectMany(PeriodDependencies.Reads));
                    next = i + 1 < ordered.Count ? inputs.Cache.ReadAsync(PeriodDependencies.Reads(ordered[i + 1]), token) : null;
                    var result = await RecomputeAsync(ordered[i], stored, inputs, token);
                    each?.Invoke(result);
                    done.Add(result.Period);
                }
            }
            finally { await ReadAhead.SettleAsync(next); }
            return done;
        }, ct);

    internal async Task<PeriodResults> RecomputeAsync(Period period, RecomputeInputs inputs, CancellationToken ct) =>
        await RecomputeAsync(period, await inputs.Cache.ReadAsync(PeriodDependencies.Reads(period), ct), inputs, ct);

    private async Task<PeriodResults> RecomputeAsync(Period period, IReadOnlyList<Observation> stored, RecomputeInputs inputs, CancellationToken ct)
    {
        var result = Compute(period, stored, inputs);
        var hold = pipelineLock.Current;
        if (hold is not null) hold.JustSaved = null;
        await results.SaveAsync(result, ct);
        // A run's publish takes it as it is instead of reading back what it just wrote: two copies of a national month's
        // results were publish's peak (604 MiB, now 487).
        if (hold is not null) hold.JustSaved = result;
        await hook.AtAsync(PipelineHook.RecomputePeriodSaved, ct);
        progress.Report($"重算 {period}：{result.Rankings.Count} 个排名，{result.Targets.Count} 个目标", $"recompute {period}: {result.Rankings.Count} rankings, {result.Targets.Count} targets");
        return result;
    }

    private PeriodResults Compute(Period period, IReadOnlyList<Observation> stored, RecomputeInputs inputs)
    {
        var (registry, targets, officialRanks, _, schemes, projects) = inputs;
        var set = new ObservationSet(stored);
        // 亩均 and ratios of two indicators, for every period the results read (moves compare derived values too).
        var derived = DerivedFigures.Derive(registry, set, PeriodDependencies.Reads(period));
        foreach (var d in derived) set.Add(d);
        return new PeriodResults
        {
            Period = period.ToString(),
            Rankings = new RankingCalculator(registry, set).ComputeAll(period),
            Targets = new TargetCalculator(registry, set, thresholds, projects).Compute(targets, period),
            Derived = derived.Where(d => d.Period == period).OrderBy(d => d.Zone, StringComparer.Ordinal).ThenBy(d => d.Indicator, StringComparer.Ordinal).ToList(),
            Observations = stored.Where(o => o.Period == period).OrderBy(o => o.Zone, StringComparer.Ordinal).ThenBy(o => o.Indicator, StringComparer.Ordinal).ToList(),
            Composites = EvaluationStep.Composites(registry, set, period, officialRanks, schemes, progress.Report),
            CityShares = Benchmark.CityShares(registry, set, period),
            PerMu = PerMuStep.Evaluate(registry, set, period),
        };
    }
}
