using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Tables;

namespace FunctionsZone.Core.Importers;

/// <summary>The stores and channels an import writes through, and the reader of its table files; one per pipeline.</summary>
public sealed record ImportStores(
    IObservationStore Observations, IReferenceStore References, IImportLog Log, IDirtyPeriodStore Dirty,
    IPipelineHook Hook, PipelineProgress Progress, TimeProvider Clock, ITableFileReader Tables);

/// <summary>One file's import as it goes: the file, the caller's options, its id, and the findings so far.</summary>
public sealed class ImportContext(InputFile file, IngestOptions options, ImportStores stores, DateTimeOffset started, ImportReach reach,
    ParsedObservations? parsed = null)
{
    public InputFile File { get; } = file;
    public IngestOptions Options { get; } = options;
    public ImportStores Stores { get; } = stores;
    public DateTimeOffset Started { get; } = started;
    public string ImportId { get; } = ImportSummary.NewId(started, file.Sha256);
    public List<Finding> Findings { get; } = [];
    /// <summary>The observation file read ahead while the file before it wrote (MonthlyPipeline's IngestEachAsync), if any.</summary>
    public ParsedObservations? Parsed { get; } = parsed;

    /// <summary>The import's summary as it stands: PENDING before the values go in, the final one after.</summary>
    public ImportSummary Summary(InputKind kind, ImportStatus status, ImportCounts counts, IReadOnlyList<string> periods) => new()
    {
        ImportId = ImportId, File = File.Name, Sha256 = File.Sha256, Kind = kind.ToString().ToLowerInvariant(),
        Encoding = kind is InputKind.Observations or InputKind.Targets or InputKind.OfficialRanks && File.Extension != ".json" && File.IsDecoded
            ? File.DetectedEncoding : null,
        Status = status, Counts = counts, Findings = ImportSummary.Group(Findings),
        DryRun = Options.DryRun, StartedAt = Started, FinishedAt = Stores.Clock.GetUtcNow(), Periods = periods,
    };

    /// <summary>
    /// Writes unless the file has an error (all-or-nothing per file, unless the caller asked for the valid rows) or this
    /// is a dry run, which counts what the write would do.
    /// </summary>
    public async Task<ImportCounts> WriteIfAllowed(int valid, Func<Task<WriteCounts>> write, int ignored = 0, Func<WriteCounts>? dryRun = null)
    {
        if (Findings.Any(f => f.Severity == Severity.Error) && !Options.AllowPartial) return new ImportCounts(0, 0, 0, ignored + valid);
        if (Options.DryRun)
        {
            if (dryRun is null) return new ImportCounts(valid, 0, 0, ignored);
            var d = dryRun();
            return new ImportCounts(d.Imported, d.Updated, d.Unchanged, ignored);
        }
        var w = await write();
        return new ImportCounts(w.Imported, w.Updated, w.Unchanged, ignored);
    }

    /// <summary>
    /// A write of this import, with the periods it makes stale marked as its kind's reach says (the one place that decides
    /// it): for <see cref="ImportReach.Everything"/> every period is marked before the write and again after a change
    /// (a run that read the first mark meanwhile clears only that one), and the mark is taken back when nothing changed.
    /// </summary>
    public async Task<WriteCounts> ChangeAsync(Func<Task<WriteCounts>> write, CancellationToken ct)
    {
        if (reach != ImportReach.Everything || Options.DryRun) return await write();
        var marks = await Stores.Dirty.MarkAsync([null], ImportId, ct);
        var w = await write();
        if (w.Imported + w.Updated > 0) await Stores.Dirty.MarkAsync([null], ImportId, ct);
        else await Stores.Dirty.ClearAsync(marks, ct);
        return w;
    }
}
