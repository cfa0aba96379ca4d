using FunctionsZone.Core.Importers;
using System.Diagnostics;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Bench;

/// <summary>
/// One pass of FunctionsZone's ingest: the bench's files through <see cref="MonthlyPipeline.IngestEachAsync"/> in the order
/// RunAsync uses and as it does, on empty tables of one <see cref="BenchServices"/>. The bench makes two, as it makes two ceiling passes,
/// and the better counts (docs/performance.md, "How to measure").
/// </summary>
public sealed record IngestPass(StageFigures Figures, int Files, double ReferenceSeconds, StorageTransactionCounts ReferenceTransactions,
    long Imported, long Updated, long Unchanged, double ObservationReadSeconds, long ObservationReadEntities, IReadOnlyList<BenchImportReads> ImportReads)
{
    public long Written => Imported + Updated + Unchanged;

    /// <summary>
    /// The first pass's prefix after the run's: a digit, so the run's clean-up range ([id, id~)) holds its tables and
    /// its own ([id1, id1~)) holds none of the run's, whose names go on with a letter.
    /// </summary>
    private const string FirstPassSuffix = "1";

    /// <summary>
    /// The first pass: under a prefix of its own, deleted after it, before the ceiling's passes (the second runs after
    /// them, on the run's tables), under the same instance heap limit; with the memory peaks it reached.
    /// </summary>
    public static async Task<(IngestPass Pass, MemoryPeaks Peaks)> FirstAsync(BenchRun run, InputValues values, CancellationToken ct)
    {
        run.Say("ingest: the generated files through MonthlyPipeline.IngestAsync, first pass (tables of its own)");
        using var limit = run.Settings.InstanceHeapLimit ? InstanceMemoryLimit.Apply() : null;
        await using var memory = new MemorySampler();
        await using var trial = BenchServices.Build(run.Configuration, run.Id + FirstPassSuffix);
        var pass = await RunAsync(trial, run.Cpu, run.Input.Files, values.ByPeriod, run.Input.Generated, run.Progress, ct);
        var peaks = new MemoryPeaks(memory.TakeStagePeak(), memory.PeakWorkingSet, memory.PeakHeap);
        await BenchCleanUp.RunAsync(trial.Clients, run.Id + FirstPassSuffix, run.Progress);
        return (pass, peaks);
    }

    /// <param name="files">The input files, read from the folder at each use (never held across the pass).</param>
    /// <param name="valuesByPeriod">The values each month holds, for the reads an observation file makes per value.</param>
    /// <param name="generated">Generated data: a seed scheme whose group it lacks is skipped, not an error.</param>
    public static async Task<IngestPass> RunAsync(BenchServices services, CpuMeter cpu, Func<IReadOnlyList<InputFile>> files,
        IReadOnlyDictionary<string, long> valuesByPeriod, bool generated, Action<string>? progress, CancellationToken ct)
    {
        await services.Clients.EnsureCreatedAsync(ct);
        var pipeline = services.Pipeline;
        var tx = services.Transactions;
        var mark = StageMark.Start(services, cpu);
        double referenceSeconds = 0;
        var referenceTx = StorageTransactionCounts.Zero;
        long imported = 0, updated = 0, unchanged = 0;
        var fileCount = 0;
        var reads = new List<BenchImportReads>();
        var options = new IngestOptions { MaxRows = int.MaxValue, MaxFileBytes = long.MaxValue };
        // Each file's time and requests run from the end of the one before. The next file's parse overlaps this one's
        // write (IngestEachAsync); its one request, the registry read, counts to this file.
        var watch = Stopwatch.StartNew();
        var before = tx.Snapshot();
        await foreach (var s in pipeline.IngestEachAsync(ImporterSet.InRunOrder(files()), options, ct))
        {
            fileCount++;
            var (seconds, fileTx) = (watch.Elapsed.TotalSeconds, tx.Snapshot() - before);
            (watch, before) = (Stopwatch.StartNew(), tx.Snapshot());
            // A seed scheme whose group or indicators the generated data lacks (liaocheng-city) evaluates nothing here: skipped, said.
            if (s.Status == ImportStatus.Error && s.Kind == "scheme" && generated)
            {
                progress?.Invoke($"scheme {s.File} does not apply to the generated data, skipped: " + string.Join("; ", s.Findings.Take(2).Select(x => x.Code)));
                referenceSeconds += seconds; referenceTx += fileTx;
                continue;
            }
            // Any other rejected file would make every later figure meaningless: stop and say which file and why.
            if (s.Status == ImportStatus.Error)
                throw new InvalidOperationException($"基准数据导入被拒 / the bench's input {s.File} was rejected: " +
                    string.Join("; ", s.Findings.Where(x => x.Severity == Severity.Error).Take(3).Select(x => x.Message)));
            if (s.Kind != "observations") { referenceSeconds += seconds; referenceTx += fileTx; continue; }
            imported += s.Counts.Imported; updated += s.Counts.Updated; unchanged += s.Counts.Unchanged;
            var fileValues = s.Periods.Count == 1 && valuesByPeriod.TryGetValue(s.Periods[0], out var v) ? v : s.Counts.Imported + s.Counts.Updated + s.Counts.Unchanged;
            reads.Add(new BenchImportReads(s.File ?? "", string.Join(",", s.Periods), fileValues, fileTx.Reads, fileTx));
        }
        return new IngestPass(mark.Take(), fileCount, referenceSeconds, referenceTx, imported, updated, unchanged,
            services.ObservationReads.Elapsed.TotalSeconds, services.ObservationReads.Items, reads);
    }

    /// <summary>The pass that took less wall clock: the one the report's ingest figures come from.</summary>
    public static IngestPass Better(IngestPass first, IngestPass second) => second.Figures.Seconds < first.Figures.Seconds ? second : first;

    /// <summary>The report's ingest line: the better pass's figures, both passes' times named.</summary>
    public static BenchStage Stage(IngestPass first, IngestPass second, long values, double? peakMiB)
    {
        var best = Better(first, second);
        return new("FunctionsZone ingest", true, best.Figures.Seconds, values, values / best.Figures.Seconds, best.Figures.StorageSeconds,
            best.Figures.Seconds - best.Figures.StorageSeconds,
            $"{best.Files} files: parse, validate, write; registry and targets {best.ReferenceSeconds:0.00} s of it; " +
            $"stored observations read for validation {best.ObservationReadSeconds:0.0} s ({best.ObservationReadEntities:N0} entities); " +
            $"registry and targets made {best.ReferenceTransactions.Total:N0} requests; " +
            $"best of {first.Figures.Seconds:0.0} s and {second.Figures.Seconds:0.0} s", peakMiB)
        { Transactions = best.Figures.Transactions, Cpu = best.Figures.Cpu };
    }
}
