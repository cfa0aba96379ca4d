using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Ingest.Validation;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Core.Importers;

/// <summary>
/// Figures (long or wide, CSV, XLSX or JSON): read, resolved against the registry, validated against the stored figures
/// they are compared with, then written with the summary PENDING first and the periods they change marked dirty.
/// </summary>
public sealed class ObservationsImporter : IImporter
{
    public InputKind Kind => InputKind.Observations;
    public int RunOrder => 6;
    public ImportReach Reach => ImportReach.Periods;

    public async Task<ImportOutcome> ImportAsync(ImportContext context, CancellationToken ct)
    {
        var (stores, options) = (context.Stores, context.Options);
        // Prepared in its own method: the parsed and resolved rows (a national month's 162,000) end with it, not held
        // through the write as an async method's locals would be.
        var (stamped, stored, ignored, tooMany) = await PrepareAsync(context, ct);
        if (tooMany) return ImportOutcome.Of(new ImportCounts(0, 0, 0, ignored));
        // What would change, by the one rule the store writes by: the dry run's counts and the periods to mark dirty.
        var current = stored.ToDictionary(o => o.Key);
        var changing = stamped.Where(o => ObservationChange.Of(current.GetValueOrDefault(o.Key), o).Kind != ChangeKind.Unchanged)
            .Select(o => o.Period).Distinct().Order().ToList();
        var names = changing.Select(p => p.ToString()).ToList();
        var counts = await context.WriteIfAllowed(stamped.Count, async () =>
        {
            // The summary first (PENDING), then the dirty marks, then the values: a crash at any point leaves no value
            // whose import has no summary, and no changed period the next run would not recompute.
            await stores.Log.SaveAsync(context.Summary(InputKind.Observations, ImportStatus.Pending, new ImportCounts(0, 0, 0, 0), names), ct);
            var marks = await stores.Dirty.MarkAsync(changing.Select(p => (Period?)p).ToList(), context.ImportId, ct);
            await stores.Hook.AtAsync(PipelineHook.IngestBeforeValues, ct);
            var w = await stores.Observations.WriteAsync(stamped, context.ImportId, ct);
            // Marked again after the write: a run that read the first mark before these values were in clears only that
            // version of it, so this one stays for the next run.
            if (marks.Count > 0) await stores.Dirty.MarkAsync(changing.Select(p => (Period?)p).ToList(), context.ImportId, ct);
            return w;
        }, ignored, dryRun: () => ObservationChange.Count(stamped, stored));
        return new ImportOutcome(counts, counts.Imported + counts.Updated > 0 && !options.DryRun ? names : []);
    }

    /// <summary>
    /// The file's rows read, resolved and validated: those to write (stamped with the import), the stored figures of their
    /// periods, and how many rows are left out; every row when the file has more rows than allowed (a finding says so).
    /// </summary>
    private static async Task<(List<Observation> Stamped, IReadOnlyList<Observation> Stored, int Ignored, bool TooMany)> PrepareAsync(
        ImportContext context, CancellationToken ct)
    {
        var (file, options, stores, parsed) = (context.File, context.Options, context.Stores, context.Parsed);
        // Read ahead (IngestEachAsync) only with the same options: else read now.
        if (parsed is null || parsed.File != file || parsed.Options != options)
            parsed = ParsedObservations.Read(stores.Tables, file, await stores.References.LoadRegistryAsync(ct), options);
        context.Findings.AddRange(parsed.Findings);
        if (parsed.TooMany) return ([], [], parsed.RawCount, true);
        var (registry, resolved, rawCount) = (parsed.Registry, parsed.Resolved, parsed.RawCount);
        var rules = await ValidationRulesImporter.LoadAsync(stores.References, ct);
        var (stored, others) = resolved.Count == 0 ? ([], []) : await StoredForValidationAsync(stores.Observations, resolved, rules, ct);
        if (resolved.Count > 0) context.Findings.AddRange(new ObservationValidator(registry, rules).Validate(resolved, others));
        // With --allow-partial a row with an error is left out; without it, the file is (WriteIfAllowed).
        var rejected = context.Findings.Where(f => f.Severity == Severity.Error && f.Indicator is not null)
            .Select(f => (f.Zone, f.Indicator, f.Period)).ToHashSet();
        var stamped = resolved.Select(r => r.Observation)
            .Where(o => !rejected.Contains((o.Zone, o.Indicator, o.Period.ToString())))
            .Select(o => o with { ImportId = context.ImportId }).ToList();
        stores.Progress.Report($"导入 {Path.GetFileName(file.Name)}：{rawCount} 行，{stamped.Count} 行有效", $"ingest {Path.GetFileName(file.Name)}: {rawCount} rows, {stamped.Count} valid");
        return (stamped, stored, rawCount - stamped.Count, false);
    }

    /// <summary>
    /// What validation compares the file with, and the stored figures of the file's own periods (counts, dirty periods, part ≤ whole).
    /// The other periods it needs (the outlier window, 1-N月 neighbours) come from the store's per-series summary when it keeps one,
    /// for the file's series only: the same reads in month 12 as in month 1. Without a summary they are read period by period.
    /// </summary>
    private static async Task<(IReadOnlyList<Observation> Own, IReadOnlyList<Observation> Context)> StoredForValidationAsync(
        IObservationStore observations, IReadOnlyList<ResolvedRow> resolved, ValidationRules rules, CancellationToken ct)
    {
        var needed = ObservationValidator.PeriodsToRead(resolved, rules, await observations.ListPeriodsAsync(ct));
        var filePeriods = resolved.Select(r => r.Observation.Period).ToHashSet();
        var own = needed.Where(filePeriods.Contains).ToList();
        var others = needed.Where(p => !filePeriods.Contains(p)).ToHashSet();
        var summary = rules.Outliers.Enabled || rules.YtdMonotonic.Enabled
            ? await observations.ReadSeriesAsync(resolved.Select(r => (r.Observation.Zone, r.Observation.Indicator)).Distinct().ToList(), ct)
            : [];
        if (summary is null)
        {
            var all = await observations.ReadPeriodsAsync(needed, ct);
            return (all.Where(o => filePeriods.Contains(o.Period)).ToList(), all);
        }
        var stored = own.Count == 0 ? [] : await observations.ReadPeriodsAsync(own, ct);
        return (stored, stored.Concat(summary.Where(o => others.Contains(o.Period))).ToList());
    }
}
