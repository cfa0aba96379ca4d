using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage.Incoming;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Functions.Timer;

/// <summary>
/// The monthly cycle on the schedule in the PipelineSchedule app setting: ingest whatever waits in "incoming",
/// recompute, publish. A timer function runs as a singleton; a run for unchanged input publishes nothing.
/// </summary>
public sealed class MonthlyPipelineTimer(MonthlyPipeline pipeline, DropFolder dropFolder, IngestOptions options, ILogger<MonthlyPipelineTimer> log)
{
    [Function("MonthlyPipeline")]
    public async Task<PipelineRun> Run([TimerTrigger("%PipelineSchedule%")] TimerInfo timer, CancellationToken ct)
    {
        if (timer.IsPastDue) log.LogWarning("Pipeline run is past due; catching up once");
        var run = await dropFolder.ProcessAsync(pipeline, options, ct);
        foreach (var s in run.Imports)
            log.LogInformation("Import {ImportId} of {File}: {Status}, {Imported} imported, {Updated} updated, {Unchanged} unchanged, {Ignored} ignored",
                s.ImportId, s.File, s.Status, s.Counts.Imported, s.Counts.Updated, s.Counts.Unchanged, s.Counts.Ignored);
        log.LogInformation("Recomputed {Periods}; snapshot {Version}", string.Join(",", run.Recomputed), run.Snapshot?.Version);
        return run;
    }
}
