using System.Diagnostics;
using System.Diagnostics.Metrics;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Telemetry;

/// <summary>
/// Traces and metrics of the pipeline, through System.Diagnostics so the core stays free of any exporter:
/// the function app hands them to OpenTelemetry / Application Insights. Only ids, counts, durations, file
/// names, zones and periods are recorded — never a value's content, a person or a secret.
/// </summary>
public static class PipelineTelemetry
{
    public const string Name = "FunctionsZone";
    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> ImportedRows = Meter.CreateCounter<long>("fz.import.rows", "{row}", "Rows of imported files by outcome");
    private static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("fz.import.duration", "s", "Duration of one file's import");
    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("fz.pipeline.stage.duration", "s", "Duration of recompute and publish");

    public static Activity? StartImport(InputFile file) =>
        Source.StartActivity("fz.import")?.SetTag("fz.file", file.Name).SetTag("fz.file.sha256", file.Sha256);

    public static void RecordImport(Activity? activity, ImportSummary summary)
    {
        activity?.SetTag("fz.import.id", summary.ImportId)
            .SetTag("fz.import.status", summary.Status.ToString().ToUpperInvariant())
            .SetTag("fz.import.kind", summary.Kind)
            .SetTag("fz.import.imported", summary.Counts.Imported)
            .SetTag("fz.import.updated", summary.Counts.Updated)
            .SetTag("fz.import.unchanged", summary.Counts.Unchanged)
            .SetTag("fz.import.ignored", summary.Counts.Ignored)
            .SetStatus(summary.Status == ImportStatus.Error ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
        if (summary.DryRun) return;
        var kind = new KeyValuePair<string, object?>("kind", summary.Kind);
        ImportedRows.Add(summary.Counts.Imported, kind, new("outcome", "imported"));
        ImportedRows.Add(summary.Counts.Updated, kind, new("outcome", "updated"));
        ImportedRows.Add(summary.Counts.Unchanged, kind, new("outcome", "unchanged"));
        ImportedRows.Add(summary.Counts.Ignored, kind, new("outcome", "ignored"));
        ImportDuration.Record((summary.FinishedAt - summary.StartedAt).TotalSeconds, kind, new("status", summary.Status.ToString().ToUpperInvariant()));
    }

    /// <summary>Times a stage ("recompute", "publish") as a child span and a histogram entry.</summary>
    public static async Task<T> StageAsync<T>(string stage, string? period, Func<Task<T>> work)
    {
        using var activity = Source.StartActivity($"fz.{stage}")?.SetTag("fz.period", period);
        var started = Stopwatch.GetTimestamp();
        try { return await work(); }
        finally { StageDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("stage", stage)); }
    }

    public static Activity? StartRun(int files) => Source.StartActivity("fz.pipeline.run")?.SetTag("fz.files", files);
}
