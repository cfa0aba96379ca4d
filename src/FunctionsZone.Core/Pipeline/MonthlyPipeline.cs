using System.Text.Json;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Derived;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Ingest.Validation;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Targets;
using FunctionsZone.Core.Telemetry;

namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// The monthly cycle: ingest files → recompute the periods they touched → publish a snapshot.
/// The timer function, the HTTP functions and fz all call this; none of it knows where storage lives.
/// Runs, recomputes and publishes hold the pipeline's lease (one writer at a time); imports by any route record the
/// periods they change (IDirtyPeriodStore) so the next run recomputes every period that reads them.
/// </summary>
public sealed class MonthlyPipeline(
    IObservationStore observations,
    IReferenceStore references,
    IResultStore results,
    ISnapshotStore snapshots,
    IImportLog importLog,
    IDirtyPeriodStore dirty,
    IPipelineLease lease,
    TargetThresholds? targetThresholds = null,
    TimeProvider? clock = null,
    Briefing.BriefingPublisher? briefings = null,
    IPipelineHook? hook = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly IPipelineHook _hook = hook ?? PipelineHook.None;
    // The lease this async flow holds: a run's publish is part of the run, not a second writer.
    private readonly AsyncLocal<ILeaseHandle?> _held = new();
    // The period recompute saved last, under the lease held now: a run's publish takes it as it is instead of reading
    // back what it just wrote: two copies of a national month's results were publish's peak (604 MiB, now 487).
    private PeriodResults? _justSaved;

    /// <summary>Status thresholds of target progress (configuration FunctionsZone:Targets:OnTrack / Accelerate).</summary>
    public TargetThresholds TargetThresholds { get; } = targetThresholds ?? TargetThresholds.Default;

    /// <summary>Progress lines for long work ("ingest observations.csv: 329 rows").</summary>
    public event Action<string>? Progress;

    /// <summary>
    /// Runs <paramref name="work"/> holding the pipeline's lease (waiting a bounded time for it, else
    /// PipelineBusyException). Nested calls in the same flow share the lease. A lease that cannot be renewed cancels
    /// the work, which then ends in PipelineBusyException: it no longer owns the pipeline.
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(string purpose, Func<CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        if (_held.Value is not null) return await work(ct);
        await using var handle = await lease.AcquireAsync(purpose, ct);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, handle.Lost);
        _held.Value = handle;
        try { return await work(linked.Token); }
        catch (OperationCanceledException) when (handle.Lost.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            // Storage went away under the run: that is what the caller should hear (exit 3, 503), not a lost lease.
            if (handle.LostBecause is StorageUnavailableException down) throw new StorageUnavailableException(down.Message, down);
            throw new PipelineBusyException($"流水线租约丢失，「{purpose}」已停止，请重试 / The pipeline's lease was lost; '{purpose}' stopped, please retry");
        }
        finally { _held.Value = null; _justSaved = null; }
    }

    public Task<ImportSummary> IngestAsync(InputFile file, IngestOptions options, CancellationToken ct = default) => IngestAsync(file, options, null, ct);

    private async Task<ImportSummary> IngestAsync(InputFile file, IngestOptions options, ParsedObservations? parsed, CancellationToken ct)
    {
        using var activity = PipelineTelemetry.StartImport(file);
        var summary = await IngestCoreAsync(file, options, parsed, ct);
        PipelineTelemetry.RecordImport(activity, summary);
        return summary;
    }

    /// <summary>
    /// The files imported one after another, as <see cref="IngestAsync(InputFile, IngestOptions, CancellationToken)"/> would,
    /// each summary as its file is done; the next observation file is read and resolved while the files before it write
    /// (targets, schemes, the observation file before), so the storage does not wait for the parse. Parsing needs only the
    /// registry, which only a registry file changes: no file is parsed ahead of one (<see cref="NextToParse"/>).
    /// </summary>
    public async IAsyncEnumerable<ImportSummary> IngestEachAsync(IReadOnlyList<InputFile> files, IngestOptions options,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        // The file parsed ahead and its index in files.
        (int At, Task<ParsedObservations> Parse)? ahead = null;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                ParsedObservations? parsed = null;
                if (ahead?.At == i) (parsed, ahead) = (await ahead.Value.Parse, null);
                // The next observation file, parsed while this file (and any targets or schemes before it) writes.
                if (ahead is null && NextToParse(files, i, options) is { } j)
                {
                    var next = files[j];
                    ahead = (j, Task.Run(async () => ParsedObservations.Read(next, await references.LoadRegistryAsync(ct), options), ct));
                }
                yield return await IngestAsync(files[i], options, parsed, ct);
            }
        }
        finally { await ReadAhead.SettleAsync(ahead?.Parse); }
    }

    // The observation file to parse while file i writes: the first after it with no registry file from i on, since a
    // registry file may change what it resolves to.
    public static int? NextToParse(IReadOnlyList<InputFile> files, int i, IngestOptions options)
    {
        if (IsRegistryFile(files[i])) return null;
        for (var j = i + 1; j < files.Count; j++)
        {
            if (IsRegistryFile(files[j])) return null;
            if (ParsesAhead(files[j], options)) return j;
        }
        return null;
    }

    // Registry files are JSON (InputFile.Kind); their kind is told by the name, without decoding anything.
    private static bool IsRegistryFile(InputFile f) => f.Extension == ".json" && f.Kind is InputKind.Zones or InputKind.Groups or InputKind.Indicators;

    // Only a file the import would read as observations: one it refuses (size, encoding) is refused in its turn, unread.
    private static bool ParsesAhead(InputFile f, IngestOptions options) => Refusal(f, options) is null && f.Kind == InputKind.Observations;

    /// <summary>A file that could not even be read (an unsafe or vanished blob name): its summary, saved like any import's.</summary>
    public async Task<ImportSummary> RefuseAsync(string name, Finding finding, CancellationToken ct = default)
    {
        var started = _clock.GetUtcNow();
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)));
        var summary = new ImportSummary
        {
            ImportId = ImportSummary.NewId(started, sha), File = Quote.Cell(name, 200), Status = ImportStatus.Error,
            Counts = new ImportCounts(0, 0, 0, 0), Findings = ImportSummary.Group([finding]), Kind = InputKind.Ignored.ToString().ToLowerInvariant(),
            StartedAt = started, FinishedAt = started,
        };
        await importLog.SaveAsync(summary, ct);
        return summary;
    }

    private async Task<ImportSummary> IngestCoreAsync(InputFile file, IngestOptions options, ParsedObservations? parsed, CancellationToken ct)
    {
        var started = _clock.GetUtcNow();
        var importId = ImportSummary.NewId(started, file.Sha256);
        var findings = new List<Finding>();
        var counts = new ImportCounts(0, 0, 0, 0);
        var periods = new List<string>();
        // The size is checked on the bytes, before anything decodes them (telling a CSV's kind reads its text).
        var kind = file.Extension == ".json" || file.IsSpreadsheet ? file.Kind : InputKind.Observations;

        if (Refusal(file, options) is { } refused) findings.Add(refused);
        else
        {
            kind = file.Kind;
            switch (kind)
            {
                case InputKind.Zones or InputKind.Groups or InputKind.Indicators:
                    counts = await IngestRegistryFileAsync(file, kind, options, findings, importId, ct);
                    break;
                case InputKind.Targets:
                {
                    var registry = await references.LoadRegistryAsync(ct);
                    var targets = ReferenceFileReader.ReadTargets(file.Text(), registry, findings);
                    counts = await WriteIfAllowed(targets.Count, findings, options,
                        () => ChangingEverythingAsync(importId, () => references.SaveTargetsAsync(targets, ct), ct));
                    break;
                }
                case InputKind.OfficialRanks:
                {
                    var registry = await references.LoadRegistryAsync(ct);
                    var ranks = ReferenceFileReader.ReadOfficialRanks(file.Text(), registry, findings);
                    counts = await WriteIfAllowed(ranks.Count, findings, options,
                        () => ChangingEverythingAsync(importId, () => references.SaveOfficialRanksAsync(ranks, ct), ct));
                    break;
                }
                case InputKind.ValidationRules:
                    counts = await IngestValidationRulesAsync(file, options, findings, importId, ct);
                    break;
                case InputKind.Projects:
                {
                    var registry = await references.LoadRegistryAsync(ct);
                    var list = ProjectRegistry.Read(file.Text(), registry, findings);
                    if (references is IProjectStore store)
                        counts = await WriteIfAllowed(list.Count, findings, options, () => store.SaveProjectsAsync(list, ct));
                    else findings.Add(new Finding
                    {
                        Code = "projects-not-stored", Severity = Severity.Warning,
                        MessageZh = "此存储不保存项目库，未导入", MessageEn = "This store keeps no project registry; the file was not imported",
                    });
                    break;
                }
                case InputKind.Scheme:
                    counts = await SchemeImport.IngestAsync(file, references, importId, started, options, findings, ct);
                    break;
                case InputKind.Observations:
                    (counts, periods) = await IngestObservationsAsync(file, options, findings, importId, started, parsed, ct);
                    break;
                default:
                    counts = new ImportCounts(0, 0, 0, 0);
                    findings.Add(new Finding
                    {
                        Code = "unknown-file", Severity = Severity.Error,
                        MessageZh = $"无法识别的文件「{Quote.Cell(file.Name)}」，未导入", MessageEn = $"File '{Quote.Cell(file.Name)}' is not a recognised input and was not imported",
                    });
                    break;
            }
        }

        var summary = Summary(file, importId, kind, ImportSummary.StatusOf(findings), counts, findings, options, started, periods);
        if (!options.DryRun) await importLog.SaveAsync(summary, ct);
        return summary;
    }

    private ImportSummary Summary(InputFile file, string importId, InputKind kind, ImportStatus status, ImportCounts counts, List<Finding> findings,
        IngestOptions options, DateTimeOffset started, IReadOnlyList<string> periods) => new()
    {
        ImportId = importId, File = file.Name, Sha256 = file.Sha256, Kind = kind.ToString().ToLowerInvariant(),
        Encoding = kind is InputKind.Observations or InputKind.Targets or InputKind.OfficialRanks && file.Extension != ".json" && file.IsDecoded ? file.DetectedEncoding : null,
        Status = status, Counts = counts, Findings = ImportSummary.Group(findings),
        DryRun = options.DryRun, StartedAt = started, FinishedAt = _clock.GetUtcNow(), Periods = periods,
    };

    /// <summary>Why the file is not read at all (too large, mixed or undecodable text), checked on its bytes first; null when it is read.</summary>
    private static Finding? Refusal(InputFile file, IngestOptions options)
    {
        if (file.Content.LongLength > options.MaxFileBytes)
            return new Finding
            {
                Code = "file-too-large",
                MessageZh = $"文件 {file.Content.LongLength:N0} 字节，超过上限 {options.MaxFileBytes:N0} 字节",
                MessageEn = $"The file has {file.Content.LongLength:N0} bytes, over the limit of {options.MaxFileBytes:N0}",
            };
        if (file.Extension is ".csv" or ".txt" && file.NotUtf8Line is { } line)
            // Mostly UTF-8 with a line in another encoding (a GBK line pasted in): decoding it as GB18030 would be mojibake.
            return new Finding
            {
                Code = "mixed-encoding", Row = line,
                MessageZh = $"第 {line} 行不是 UTF-8（可能是 GBK），而文件其余部分是 UTF-8：请把整个文件另存为同一种编码",
                MessageEn = $"Line {line} is not UTF-8 (GBK?) while the rest of the file is: save the whole file in one encoding",
            };
        if (file.Extension is ".csv" or ".txt" && file.Text().Contains('\uFFFD'))
            // Bytes that do not decode: a wrong --encoding, or a file that is neither UTF-8, GBK nor UTF-16.
            return new Finding
            {
                Code = "undecodable-text",
                MessageZh = $"文件含有无法按 {file.DetectedEncoding} 解码的字节，请检查编码（可用 --encoding gbk / utf-8 / utf-16）",
                MessageEn = $"The file has bytes that do not decode as {file.DetectedEncoding}: check its encoding (--encoding gbk / utf-8 / utf-16)",
            };
        return null;
    }

    private async Task<(ImportCounts, List<string>)> IngestObservationsAsync(InputFile file, IngestOptions options, List<Finding> findings, string importId,
        DateTimeOffset started, ParsedObservations? parsed, CancellationToken ct)
    {
        // Prepared in its own method: the parsed and resolved rows (a national month's 162,000) end with it, not held
        // through the write as an async method's locals would be.
        var (stamped, stored, ignored, tooMany) = await PrepareObservationsAsync(file, options, findings, importId, parsed, ct);
        if (tooMany) return (new ImportCounts(0, 0, 0, ignored), []);
        // What would change, by the one rule the store writes by: the dry run's counts and the periods to mark dirty.
        var current = stored.ToDictionary(o => o.Key);
        var changing = stamped.Where(o => ObservationChange.Of(current.GetValueOrDefault(o.Key), o).Kind != ChangeKind.Unchanged)
            .Select(o => o.Period).Distinct().Order().ToList();
        var counts = await WriteIfAllowed(stamped.Count, findings, options, async () =>
        {
            // The summary first (PENDING), then the dirty marks, then the values: a crash at any point leaves no value
            // whose import has no summary, and no changed period the next run would not recompute.
            await importLog.SaveAsync(Summary(file, importId, InputKind.Observations, ImportStatus.Pending, new ImportCounts(0, 0, 0, 0), findings, options, started,
                changing.Select(p => p.ToString()).ToList()), ct);
            var marks = await dirty.MarkAsync(changing.Select(p => (Period?)p).ToList(), importId, ct);
            await _hook.AtAsync(PipelineHook.IngestBeforeValues, ct);
            var w = await observations.WriteAsync(stamped, importId, ct);
            // Marked again after the write: a run that read the first mark before these values were in clears only that
            // version of it, so this one stays for the next run.
            if (marks.Count > 0) await dirty.MarkAsync(changing.Select(p => (Period?)p).ToList(), importId, ct);
            return w;
        }, ignored, dryRun: () => ObservationChange.Count(stamped, stored));
        var periods = counts.Imported + counts.Updated > 0 && !options.DryRun ? changing.Select(p => p.ToString()).ToList() : [];
        return (counts, periods);
    }

    /// <summary>
    /// The file's rows read, resolved and validated: those to write (stamped with the import), the stored figures of their
    /// periods, and how many rows are left out; every row when the file has more rows than allowed (a finding says so).
    /// </summary>
    private async Task<(List<Observation> Stamped, IReadOnlyList<Observation> Stored, int Ignored, bool TooMany)> PrepareObservationsAsync(
        InputFile file, IngestOptions options, List<Finding> findings, string importId, ParsedObservations? parsed, CancellationToken ct)
    {
        // Read ahead (IngestEachAsync) only with the same options: else read now.
        if (parsed is null || parsed.File != file || parsed.Options != options)
            parsed = ParsedObservations.Read(file, await references.LoadRegistryAsync(ct), options);
        findings.AddRange(parsed.Findings);
        if (parsed.TooMany) return ([], [], parsed.RawCount, true);
        var (registry, resolved, rawCount) = (parsed.Registry, parsed.Resolved, parsed.RawCount);
        var rules = await LoadValidationRulesAsync(ct);
        var (stored, context) = resolved.Count == 0 ? ([], []) : await StoredForValidationAsync(resolved, rules, ct);
        if (resolved.Count > 0) findings.AddRange(new ObservationValidator(registry, rules).Validate(resolved, context));
        // With --allow-partial a row with an error is left out; without it, the file is (WriteIfAllowed).
        var rejected = findings.Where(f => f.Severity == Severity.Error && f.Indicator is not null)
            .Select(f => (f.Zone, f.Indicator, f.Period)).ToHashSet();
        var stamped = resolved.Select(r => r.Observation)
            .Where(o => !rejected.Contains((o.Zone, o.Indicator, o.Period.ToString())))
            .Select(o => o with { ImportId = importId }).ToList();
        Progress?.Invoke($"导入 / ingest {Path.GetFileName(file.Name)}: {rawCount} 行 rows, {stamped.Count} 有效 valid");
        return (stamped, stored, rawCount - stamped.Count, false);
    }

    /// <summary>
    /// What validation compares the file with, and the stored figures of the file's own periods (counts, dirty periods, part ≤ whole).
    /// The other periods it needs (the outlier window, 1-N月 neighbours) come from the store's per-series summary when it keeps one,
    /// for the file's series only: the same reads in month 12 as in month 1. Without a summary they are read period by period.
    /// </summary>
    private async Task<(IReadOnlyList<Observation> Own, IReadOnlyList<Observation> Context)> StoredForValidationAsync(
        IReadOnlyList<ResolvedRow> resolved, ValidationRules rules, CancellationToken ct)
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

    /// <summary>A write that may change what every period computes (registry, targets, rules): everything is marked dirty around it.</summary>
    private async Task<WriteCounts> ChangingEverythingAsync(string importId, Func<Task<WriteCounts>> write, CancellationToken ct)
    {
        var marks = await dirty.MarkAsync([null], importId, ct);
        var w = await write();
        if (w.Imported + w.Updated > 0) await dirty.MarkAsync([null], importId, ct);
        else await dirty.ClearAsync(marks, ct);
        return w;
    }

    /// <summary>The rules of validation-rules.json: the imported copy, else the built-in default.</summary>
    public async Task<ValidationRules> LoadValidationRulesAsync(CancellationToken ct = default) =>
        references is IValidationRuleStore store && await store.LoadValidationRulesAsync(ct) is { } json
            ? ValidationRules.Parse(json)
            : ValidationRules.Default;

    private async Task<ImportCounts> IngestValidationRulesAsync(InputFile file, IngestOptions options, List<Finding> findings, string importId, CancellationToken ct)
    {
        string text;
        try
        {
            text = file.Text();
            ValidationRules.Parse(text);
        }
        catch (InvalidDataException e)
        {
            findings.Add(new Finding { Code = "malformed-rules", MessageZh = Quote.Message(e), MessageEn = Quote.Message(e) });
            return new ImportCounts(0, 0, 0, 1);
        }
        if (references is not IValidationRuleStore store)
        {
            findings.Add(new Finding
            {
                Code = "rules-not-stored", Severity = Severity.Warning,
                MessageZh = "此存储不保存校验规则，仍使用内置规则", MessageEn = "This store keeps no validation rules; the built-in rules stay in force",
            });
            return new ImportCounts(0, 0, 0, 1);
        }
        var existing = await store.LoadValidationRulesAsync(ct);
        if (existing == text) return new ImportCounts(0, 0, 1, 0);
        if (options.DryRun) return new ImportCounts(existing is null ? 1 : 0, existing is null ? 0 : 1, 0, 0);
        await ChangingEverythingAsync(importId, async () => { await store.SaveValidationRulesAsync(text, ct); return new WriteCounts(0, 1, 0); }, ct);
        return new ImportCounts(existing is null ? 1 : 0, existing is null ? 0 : 1, 0, 0);
    }

    private static async Task<ImportCounts> WriteIfAllowed(int valid, List<Finding> findings, IngestOptions options, Func<Task<WriteCounts>> write, int ignored = 0,
        Func<WriteCounts>? dryRun = null)
    {
        var hasErrors = findings.Any(f => f.Severity == Severity.Error);
        // All-or-nothing per file unless the caller asked for the valid rows.
        if (hasErrors && !options.AllowPartial) return new ImportCounts(0, 0, 0, ignored + valid);
        if (options.DryRun)
        {
            if (dryRun is null) return new ImportCounts(valid, 0, 0, ignored);
            var d = dryRun();
            return new ImportCounts(d.Imported, d.Updated, d.Unchanged, ignored);
        }
        var w = await write();
        return new ImportCounts(w.Imported, w.Updated, w.Unchanged, ignored);
    }

    private async Task<ImportCounts> IngestRegistryFileAsync(InputFile file, InputKind kind, IngestOptions options, List<Finding> findings, string importId, CancellationToken ct)
    {
        var current = await references.LoadRegistryAsync(ct);
        ZoneRegistry next;
        int count;
        try
        {
            var text = file.Text();
            (next, count) = kind switch
            {
                InputKind.Zones => (new ZoneRegistry(RegistryFiles.ReadZones(text), current.Groups, current.Indicators), current.Zones.Count),
                InputKind.Groups => (new ZoneRegistry(current.Zones, RegistryFiles.ReadGroups(text), current.Indicators), current.Groups.Count),
                _ => (new ZoneRegistry(current.Zones, current.Groups, RegistryFiles.ReadIndicators(text)), current.Indicators.Count),
            };
        }
        catch (InvalidDataException e)
        {
            findings.Add(new Finding { Code = "malformed-json", MessageZh = Quote.Message(e), MessageEn = Quote.Message(e) });
            return new ImportCounts(0, 0, 0, 0);
        }
        var items = kind switch { InputKind.Zones => next.Zones.Count, InputKind.Groups => next.Groups.Count, _ => next.Indicators.Count };
        // Stored entries come back in key order, a file in its own: compare as sets.
        IEnumerable<object> Part(ZoneRegistry r) => kind switch { InputKind.Zones => r.Zones, InputKind.Groups => r.Groups, _ => r.Indicators };
        static List<string> Canonical(IEnumerable<object> items) => items.Select(i => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(i, Json.Options))).Order(StringComparer.Ordinal).ToList();
        if (Canonical(Part(current)).SequenceEqual(Canonical(Part(next))))
            return new ImportCounts(0, 0, items, 0);
        if (options.DryRun) return new ImportCounts(items, 0, 0, 0);
        await ChangingEverythingAsync(importId, async () => { await references.SaveRegistryAsync(next, ct); return new WriteCounts(0, 1, 0); }, ct);
        return new ImportCounts(Math.Max(0, items - count), Math.Min(items, count), 0, 0);
    }

    /// <summary>Ranks, 亩均 values and target progress for one period, staged for publish (under the lease).</summary>
    public Task<PeriodResults> RecomputeAsync(Period period, CancellationToken ct = default) =>
        ExclusiveAsync($"recompute {period}", token =>
            PipelineTelemetry.StageAsync("recompute", period.ToString(), async () => await RecomputeAsync(period, await LoadRecomputeInputsAsync(token), token)), ct);

    /// <summary>What every period's recompute shares, loaded once: the registry, targets, official ranks and the stored-period cache.</summary>
    private sealed record RecomputeInputs(ZoneRegistry Registry, IReadOnlyList<Target> Targets, IReadOnlyList<OfficialRank> OfficialRanks, PeriodCache Cache,
        Evaluation.SchemeCatalog Schemes, ProjectRegistry Projects);

    private async Task<RecomputeInputs> LoadRecomputeInputsAsync(CancellationToken ct) => new(
        await references.LoadRegistryAsync(ct),
        await references.LoadTargetsAsync(ct),
        await references.LoadOfficialRanksAsync(ct),
        new PeriodCache(observations, await observations.ListPeriodsAsync(ct)),
        await SchemeImport.LoadAsync(references, ct),
        new ProjectRegistry(references is IProjectStore projects ? await projects.LoadProjectsAsync(ct) : []));

    /// <summary>
    /// Recomputes several periods in order with one registry and target load, reading each stored period once
    /// and keeping it only while a later period still reads it (PeriodDependencies).
    /// </summary>
    public Task<IReadOnlyList<string>> RecomputeAllAsync(IReadOnlyList<Period> periods, Action<PeriodResults>? each = null, CancellationToken ct = default) =>
        ExclusiveAsync("recompute", async token =>
        {
            var ordered = periods.Distinct().Order().ToList();
            if (ordered.Count == 0) return (IReadOnlyList<string>)[];
            var inputs = await LoadRecomputeInputsAsync(token);
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

    private async Task<PeriodResults> RecomputeAsync(Period period, RecomputeInputs inputs, CancellationToken ct) =>
        await RecomputeAsync(period, await inputs.Cache.ReadAsync(PeriodDependencies.Reads(period), ct), inputs, ct);

    /// <summary>One period from its stored figures (those of <see cref="PeriodDependencies.Reads"/>), saved to the results store.</summary>
    private async Task<PeriodResults> RecomputeAsync(Period period, IReadOnlyList<Observation> stored, RecomputeInputs inputs, CancellationToken ct)
    {
        var (registry, targets, officialRanks, _, schemes, projects) = inputs;
        var needed = PeriodDependencies.Reads(period);
        var set = new ObservationSet(stored);
        var derived = PerMuCalculator.Derive(registry, set, needed);
        foreach (var d in derived) set.Add(d);

        var rankings = new RankingCalculator(registry, set).ComputeAll(period);
        var progress = new TargetCalculator(registry, set, TargetThresholds, projects).Compute(targets, period);
        var result = new PeriodResults
        {
            Period = period.ToString(), Rankings = rankings, Targets = progress,
            Derived = derived.Where(d => d.Period == period).OrderBy(d => d.Zone, StringComparer.Ordinal).ThenBy(d => d.Indicator, StringComparer.Ordinal).ToList(),
            Observations = stored.Where(o => o.Period == period).OrderBy(o => o.Zone, StringComparer.Ordinal).ThenBy(o => o.Indicator, StringComparer.Ordinal).ToList(),
            Composites = Evaluation.EvaluationStep.Composites(registry, set, period, officialRanks, schemes, m => Progress?.Invoke(m)),
            CityShares = Evaluation.Benchmark.CityShares(registry, set, period),
            PerMu = Evaluation.PerMuStep.Evaluate(registry, set, period),
        };
        _justSaved = null;
        await results.SaveAsync(result, ct);
        _justSaved = result;
        await _hook.AtAsync(PipelineHook.RecomputePeriodSaved, ct);
        Progress?.Invoke($"重算 / recompute {period}: {rankings.Count} 个排名 rankings, {progress.Count} 个目标 targets");
        return result;
    }

    /// <summary>Publishes every staged period as a new version; returns null when the content equals the latest.</summary>
    public Task<SnapshotPointer?> PublishAsync(CancellationToken ct = default) =>
        ExclusiveAsync("publish", token => PipelineTelemetry.StageAsync("publish", null, () => PublishCoreAsync(token)), ct);

    private async Task<SnapshotPointer?> PublishCoreAsync(CancellationToken ct)
    {
        // latest as it is now: the swap at the end is conditional on it (If-Match), so it never moves back.
        var (latest, etag) = await snapshots.LatestWithETagAsync(ct);
        var registry = await references.LoadRegistryAsync(ct);
        RecomputeInputs? inputs = null;
        async Task<PeriodResults> Staged(Period p, CancellationToken token)
        {
            await _hook.AtAsync(PipelineHook.PublishStreaming, token);
            if (_justSaved is { } saved && saved.Period == p.ToString()) { _justSaved = null; return saved; }
            if (await results.LoadAsync(p, token) is { } r) return r;
            // Listed but unreadable (cut short, corrupt): recomputed from the stored figures, not fatal to the publish.
            Progress?.Invoke($"重算 / recomputing {p}: 结果文件无法读取 / its results blob could not be read");
            inputs ??= await LoadRecomputeInputsAsync(token);
            return await RecomputeAsync(p, inputs, token);
        }
        // A version is never older than the latest it replaces, whatever this machine's clock says.
        var now = _clock.GetUtcNow();
        if (latest is not null && latest.CreatedAt >= now) now = latest.CreatedAt.AddSeconds(1);
        // Each period's files go to storage as they are built; unchanged data commits nothing and renders no briefing.
        await using var draft = await snapshots.BeginVersionAsync(ct);
        var version = await SnapshotBuilder.BuildAsync(new SnapshotInputs
        {
            Registry = registry, OfficialRanks = OfficialRankMove.FromRanks(await references.LoadOfficialRanksAsync(ct)), Now = now,
            Schemes = (await SchemeImport.LoadAsync(references, ct)).Stored, Briefings = briefings ?? Briefing.BriefingPublisher.Default,
            Periods = await results.ListAsync(ct), Results = Staged,
        }, draft, unchangedFrom: latest?.ContentHash, ct);
        if (version is null)
        {
            Progress?.Invoke($"发布 / publish: 内容未变，沿用 / unchanged, latest stays {latest!.Version}");
            return null;
        }
        await _hook.AtAsync(PipelineHook.PublishBeforeSwap, ct);
        if (!await snapshots.SwapLatestAsync(version, etag, ct))
            throw new PipelineBusyException($"发布期间 latest 已被另一次发布更新，{version.Id} 未发布 / latest moved during the publish; {version.Id} was not published");
        await _hook.AtAsync(PipelineHook.PublishSwapped, ct);
        // Only now that latest has moved may old versions go.
        await snapshots.ApplyRetentionAsync(version.Id, ct);
        Progress?.Invoke($"发布 / publish: {version.Id} ({version.Manifest.Files.Count} files)");
        return await snapshots.LatestAsync(ct);
    }

    /// <summary>Registry first (indicators, groups, zones), then targets, official ranks, schemes and projects, then observations by name.</summary>
    public static IReadOnlyList<InputFile> InRunOrder(IEnumerable<InputFile> files) => files.OrderBy(f => f.Kind switch
    {
        InputKind.Indicators => 0, InputKind.Groups => 1, InputKind.Zones => 2,
        InputKind.ValidationRules => 3, InputKind.Targets => 4, InputKind.OfficialRanks or InputKind.Scheme or InputKind.Projects => 5, _ => 6,
    }).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// What the timer does: ingest the files (registry first), recompute every period that reads a dirty one (marked
    /// by this run's imports or by any import since the last publish) or was never computed, publish, and only then
    /// clear the marks it read. Safe to run twice: unchanged input changes nothing and publishes nothing.
    /// </summary>
    public Task<PipelineRun> RunAsync(IEnumerable<InputFile> files, IngestOptions options, CancellationToken ct = default) =>
        ExclusiveAsync("run", async token =>
        {
            var summaries = new List<ImportSummary>();
            var list = InRunOrder(files);
            using var activity = PipelineTelemetry.StartRun(list.Count);
            await foreach (var s in IngestEachAsync(list, options, token)) summaries.Add(s);

            var marks = await dirty.ListAsync(token);
            var stored = await observations.ListPeriodsAsync(token);
            var computed = (await results.ListAsync(token)).ToHashSet();
            var toRecompute = marks.Any(m => m.Everything)
                ? stored.ToList()
                : stored.Where(p => !computed.Contains(p))
                    .Concat(PeriodDependencies.ReadersOf(marks.Select(m => m.Period!.Value), stored)).Distinct().Order().ToList();
            var recomputed = await RecomputeAllAsync(toRecompute, ct: token);
            var pointer = await PublishAsync(token) ?? await snapshots.LatestAsync(token);
            // Published: what those marks asked for is in the snapshot. Marks set again meanwhile stay (ETag).
            await dirty.ClearAsync(marks, token);
            activity?.SetTag("fz.recomputed", string.Join(",", recomputed)).SetTag("fz.snapshot", pointer?.Version);
            return new PipelineRun(summaries, recomputed, pointer, pointer is null ? null : snapshots.Location(pointer.Version));
        }, ct);
}

/// <summary>What one run did.</summary>
public sealed record PipelineRun(IReadOnlyList<ImportSummary> Imports, IReadOnlyList<string> Recomputed, SnapshotPointer? Snapshot, string? Location);
