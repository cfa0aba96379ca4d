using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Telemetry;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// What the timer does: ingest the files (registry first), recompute every period that reads a dirty one (marked by
/// this run's imports or by any import since the last publish) or was never computed, publish, and only then clear the
/// marks it read. Safe to run twice: unchanged input changes nothing and publishes nothing.
/// </summary>
public sealed class MonthlyRun(IngestStage ingest, RecomputeStage recompute, PublishStage publish, IObservationStore observations,
    IResultStore results, ISnapshotStore snapshots, IDirtyPeriodStore dirty, PipelineLock pipelineLock)
{
    public Task<PipelineRun> RunAsync(IEnumerable<InputFile> files, IngestOptions options, CancellationToken ct = default) =>
        pipelineLock.ExclusiveAsync("run", async token =>
        {
            var summaries = new List<ImportSummary>();
            var list = ImporterSet.InRunOrder(files);
            using var activity = PipelineTelemetry.StartRun(list.Count);
            await foreach (var s in ingest.IngestEachAsync(list, options, token)) summaries.Add(s);

            var marks = await dirty.ListAsync(token);
            var recomputed = await recompute.RecomputeAllAsync(await StalePeriodsAsync(marks, token), ct: token);
            var pointer = await publish.PublishAsync(token) ?? await snapshots.LatestAsync(token);
            // Published: what those marks asked for is in the snapshot. Marks set again meanwhile stay (ETag).
            await dirty.ClearAsync(marks, token);
            activity?.SetTag("fz.recomputed", string.Join(",", recomputed)).SetTag("fz.snapshot", pointer?.Version);
            return new PipelineRun(summaries, recomputed, pointer, pointer is null ? null : snapshots.Location(pointer.Version));
        }, ct);

    // Every stored period when everything is marked; else those never computed and those that read a marked one.
    private async Task<IReadOnlyList<Domain.Period>> StalePeriodsAsync(IReadOnlyList<DirtyMark> marks, CancellationToken ct)
    {
        var stored = await observations.ListPeriodsAsync(ct);
        if (marks.Any(m => m.Everything)) return stored.ToList();
        var computed = (await results.ListAsync(ct)).ToHashSet();
        return stored.Where(p => !computed.Contains(p))
            .Concat(PeriodDependencies.ReadersOf(marks.Select(m => m.Period!.Value), stored)).Distinct().Order().ToList();
    }
}

/// <summary>What one run did.</summary>
public sealed record PipelineRun(IReadOnlyList<ImportSummary> Imports, IReadOnlyList<string> Recomputed, Snapshots.SnapshotPointer? Snapshot, string? Location);
