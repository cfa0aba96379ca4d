using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Core.Ports;

/// <summary>The named points of a run (IPipelineHook) and the no-op hook production registers.</summary>
public sealed class PipelineHook : IPipelineHook
{
    /// <summary>The no-op hook every host registers.</summary>
    public static readonly IPipelineHook None = new PipelineHook();

    /// <summary>An import: its pending summary and dirty marks are stored, its values are not yet.</summary>
    public const string IngestBeforeValues = "ingest:before-values";
    /// <summary>An import: one transaction of values written (several per import).</summary>
    public const string IngestBatchWritten = "ingest:batch-written";
    /// <summary>Recompute: one period's results saved.</summary>
    public const string RecomputePeriodSaved = "recompute:period-saved";
    /// <summary>Publish: the next period's results are about to be read; the files of the periods before it are queued or written, no manifest yet.</summary>
    public const string PublishStreaming = "publish:streaming";
    /// <summary>Publish: the version's files and manifest are written, latest not yet swapped.</summary>
    public const string PublishBeforeSwap = "publish:before-swap";
    /// <summary>Publish: latest swapped, retention not yet applied.</summary>
    public const string PublishSwapped = "publish:swapped";

    private PipelineHook() { }

    public Task AtAsync(string point, CancellationToken ct = default) => Task.CompletedTask;
}
