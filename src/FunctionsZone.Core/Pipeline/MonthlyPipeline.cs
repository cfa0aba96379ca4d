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
/// </summary>
public sealed class MonthlyPipeline(
    IObservationStore observations,
    IReferenceStore references,
    IResultStore results,
    ISnapshotStore snapshots,
    IImportLog importLog,
    TargetThresholds? targetThresholds = null,
    TimeProvider? clock = null,
    Briefing.BriefingPublisher? briefings = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Status thresholds of target progress (configuration FunctionsZone:Targets:OnTrack / Accelerate).</summary>
    public TargetThresholds TargetThresholds { get; } = targetThresholds ?? TargetThresholds.Default;

    /// <summary>Progress lines for long work ("ingest observations.csv: 329 rows").</summary>
    public event Action<string>? Progress;

    public async Task<ImportSummary> IngestAsync(InputFile file, IngestOptions options, CancellationToken ct = default)
    {
        using var activity = PipelineTelemetry.StartImport(file);
        var summary = await IngestCoreAsync(file, options, ct);
        PipelineTelemetry.RecordImport(activity, summary);
        return summary;
    }

    private async Task<ImportSummary> IngestCoreAsync(InputFile file, IngestOptions options, CancellationToken ct)
    {
        var started = _clock.GetUtcNow();
        var importId = $"{started.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{file.Sha256[..8]}";
        var findings = new List<Finding>();
        var counts = new ImportCounts(0, 0, 0, 0);
        var periods = new List<string>();
        var kind = file.Kind;

        if (file.Content.LongLength > options.MaxFileBytes)
        {
            findings.Add(new Finding
            {
                Code = "file-too-large",
                MessageZh = $"文件 {file.Content.LongLength:N0} 字节，超过上限 {options.MaxFileBytes:N0} 字节",
                MessageEn = $"The file has {file.Content.LongLength:N0} bytes, over the limit of {options.MaxFileBytes:N0}",
            });
        }
        else if (file.Extension is ".csv" or ".txt" && file.Text().Contains('\uFFFD'))
        {
            // Bytes that do not decode: a wrong --encoding, or a file that is neither UTF-8, GBK nor UTF-16.
            findings.Add(new Finding
            {
                Code = "undecodable-text",
                MessageZh = $"文件含有无法按 {file.DetectedEncoding} 解码的字节，请检查编码（可用 --encoding gbk / utf-8 / utf-16）",
                MessageEn = $"The file has bytes that do not decode as {file.DetectedEncoding}: check its encoding (--encoding gbk / utf-8 / utf-16)",
            });
        }
        else
        {
            switch (kind)
            {
                case InputKind.Zones or InputKind.Groups or InputKind.Indicators:
                    counts = await IngestRegistryFileAsync(file, kind, options, findings, ct);
                    break;
                case InputKind.Targets:
                {
                    var registry = await references.LoadRegistryAsync(ct);
                    var targets = ReferenceFileReader.ReadTargets(file.Text(), registry, findings);
                    counts = await WriteIfAllowed(targets.Count, findings, options, async () => await references.SaveTargetsAsync(targets, ct));
                    break;
                }
                case InputKind.OfficialRanks:
                {
                    var registry = await references.LoadRegistryAsync(ct);
                    var ranks = ReferenceFileReader.ReadOfficialRanks(file.Text(), registry, findings);
                    counts = await WriteIfAllowed(ranks.Count, findings, options, async () => await references.SaveOfficialRanksAsync(ranks, ct));
                    break;
                }
                case InputKind.ValidationRules:
                    counts = await IngestValidationRulesAsync(file, options, findings, ct);
                    break;
                case InputKind.Observations:
                {
                    var registry = await references.LoadRegistryAsync(ct);
                    var raw = ObservationFileReader.Read(file, registry, findings);
                    if (raw.Count > options.MaxRows)
                    {
                        findings.Add(new Finding
                        {
                            Code = "too-many-rows",
                            MessageZh = $"文件有 {raw.Count:N0} 行，超过上限 {options.MaxRows:N0} 行",
                            MessageEn = $"The file has {raw.Count:N0} rows, over the limit of {options.MaxRows:N0}",
                        });
                        break;
                    }
                    var resolved = new RowResolver(registry).Resolve(raw, Path.GetFileName(file.Name), findings);
                    var rules = await LoadValidationRulesAsync(ct);
                    var stored = resolved.Count == 0 ? [] : await observations.ReadPeriodsAsync(
                        ObservationValidator.PeriodsToRead(resolved, rules, await observations.ListPeriodsAsync(ct)), ct);
                    if (resolved.Count > 0) findings.AddRange(new ObservationValidator(registry, rules).Validate(resolved, stored));
                    // With --allow-partial a row with an error is left out; without it, the file is (WriteIfAllowed).
                    var rejected = findings.Where(f => f.Severity == Severity.Error && f.Indicator is not null)
                        .Select(f => (f.Zone, f.Indicator, f.Period)).ToHashSet();
                    var stamped = resolved.Select(r => r.Observation)
                        .Where(o => !rejected.Contains((o.Zone, o.Indicator, o.Period.ToString())))
                        .Select(o => o with { ImportId = importId }).ToList();
                    Progress?.Invoke($"导入 / ingest {Path.GetFileName(file.Name)}: {raw.Count} 行 rows, {stamped.Count} 有效 valid");
                    var ignored = raw.Count - stamped.Count;
                    counts = await WriteIfAllowed(stamped.Count, findings, options, () => observations.WriteAsync(stamped, importId, ct), ignored,
                        dryRun: () => DryRunCounts(stamped, stored));
                    if (counts.Imported + counts.Updated > 0 && !options.DryRun)
                        periods = stamped.Select(o => o.Period.ToString()).Distinct().Order(StringComparer.Ordinal).ToList();
                    break;
                }
                default:
                    counts = new ImportCounts(0, 0, 0, 0);
                    findings.Add(new Finding
                    {
                        Code = "unknown-file", Severity = Severity.Warning,
                        MessageZh = $"无法识别的文件「{file.Name}」，未导入", MessageEn = $"File '{file.Name}' is not a recognised input and was not imported",
                    });
                    break;
            }
        }

        var summary = new ImportSummary
        {
            ImportId = importId, File = file.Name, Sha256 = file.Sha256, Kind = kind.ToString().ToLowerInvariant(),
            Encoding = kind is InputKind.Observations or InputKind.Targets or InputKind.OfficialRanks && file.Extension != ".json" ? file.DetectedEncoding : null,
            Status = ImportSummary.StatusOf(findings), Counts = counts, Findings = ImportSummary.Group(findings),
            DryRun = options.DryRun, StartedAt = started, FinishedAt = _clock.GetUtcNow(), Periods = periods,
        };
        if (!options.DryRun) await importLog.SaveAsync(summary, ct);
        return summary;
    }

    /// <summary>What the write would count, against what is stored: a dry run reports the import's real counts.</summary>
    private static WriteCounts DryRunCounts(IReadOnlyList<Observation> file, IReadOnlyList<Observation> stored)
    {
        var current = stored.ToDictionary(o => o.Key);
        int imported = 0, updated = 0, unchanged = 0;
        foreach (var o in file)
        {
            if (!current.TryGetValue(o.Key, out var old)) imported++;
            else if (old.Value == o.Value && old.Yoy == o.Yoy) unchanged++;
            else updated++;
        }
        return new WriteCounts(imported, updated, unchanged);
    }

    /// <summary>The rules of validation-rules.json: the imported copy, else the built-in default.</summary>
    public async Task<ValidationRules> LoadValidationRulesAsync(CancellationToken ct = default) =>
        references is IValidationRuleStore store && await store.LoadValidationRulesAsync(ct) is { } json
            ? ValidationRules.Parse(json)
            : ValidationRules.Default;

    private async Task<ImportCounts> IngestValidationRulesAsync(InputFile file, IngestOptions options, List<Finding> findings, CancellationToken ct)
    {
        string text;
        try
        {
            text = file.Text();
            ValidationRules.Parse(text);
        }
        catch (InvalidDataException e)
        {
            findings.Add(new Finding { Code = "malformed-rules", MessageZh = e.Message, MessageEn = e.Message });
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
        await store.SaveValidationRulesAsync(text, ct);
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

    private async Task<ImportCounts> IngestRegistryFileAsync(InputFile file, InputKind kind, IngestOptions options, List<Finding> findings, CancellationToken ct)
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
            findings.Add(new Finding { Code = "malformed-json", MessageZh = e.Message, MessageEn = e.Message });
            return new ImportCounts(0, 0, 0, 0);
        }
        var items = kind switch { InputKind.Zones => next.Zones.Count, InputKind.Groups => next.Groups.Count, _ => next.Indicators.Count };
        // Stored entries come back in key order, a file in its own: compare as sets.
        IEnumerable<object> Part(ZoneRegistry r) => kind switch { InputKind.Zones => r.Zones, InputKind.Groups => r.Groups, _ => r.Indicators };
        static List<string> Canonical(IEnumerable<object> items) => items.Select(i => Convert.ToBase64String(SnapshotBuilder.Serialize(i))).Order(StringComparer.Ordinal).ToList();
        if (Canonical(Part(current)).SequenceEqual(Canonical(Part(next))))
            return new ImportCounts(0, 0, items, 0);
        if (options.DryRun) return new ImportCounts(items, 0, 0, 0);
        await references.SaveRegistryAsync(next, ct);
        return new ImportCounts(Math.Max(0, items - count), Math.Min(items, count), 0, 0);
    }

    /// <summary>Ranks, 亩均 values and target progress for one period, staged for publish.</summary>
    public Task<PeriodResults> RecomputeAsync(Period period, CancellationToken ct = default) =>
        PipelineTelemetry.StageAsync("recompute", period.ToString(), () => RecomputeCoreAsync(period, ct));

    private async Task<PeriodResults> RecomputeCoreAsync(Period period, CancellationToken ct)
    {
        var inputs = await LoadRecomputeInputsAsync(ct);
        return await RecomputeAsync(period, inputs, ct);
    }

    /// <summary>What every period's recompute shares, loaded once: the registry, targets, official ranks and the stored-period cache.</summary>
    private sealed record RecomputeInputs(ZoneRegistry Registry, IReadOnlyList<Target> Targets, IReadOnlyList<OfficialRank> OfficialRanks, PeriodCache Cache);

    private async Task<RecomputeInputs> LoadRecomputeInputsAsync(CancellationToken ct) => new(
        await references.LoadRegistryAsync(ct),
        await references.LoadTargetsAsync(ct),
        await references.LoadOfficialRanksAsync(ct),
        new PeriodCache(observations, await observations.ListPeriodsAsync(ct)));

    /// <summary>
    /// Recomputes several periods in order with one registry and target load, reading each stored period once
    /// and keeping it only while a later period still needs it (as its previous month or year before).
    /// </summary>
    public async Task<IReadOnlyList<string>> RecomputeAllAsync(IReadOnlyList<Period> periods, Action<PeriodResults>? each = null, CancellationToken ct = default)
    {
        var ordered = periods.Distinct().Order().ToList();
        if (ordered.Count == 0) return [];
        var inputs = await LoadRecomputeInputsAsync(ct);
        var done = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var result = await RecomputeAsync(ordered[i], inputs, ct);
            each?.Invoke(result);
            done.Add(result.Period);
            inputs.Cache.KeepOnly(ordered.Skip(i + 1).SelectMany(NeededFor));
        }
        return done;
    }

    /// <summary>The period itself, the month before and the year before (for moves), and their year-before (for computed growth).</summary>
    private static HashSet<Period> NeededFor(Period period)
    {
        var needed = new HashSet<Period> { period, period.Previous(), period.YearBefore(), period.Previous().YearBefore(), period.YearBefore().YearBefore() };
        if (period.IsMonth) { needed.Add(Period.OfMonth(period.Year - 1, 12)); needed.Add(Period.OfYear(period.Year - 1)); }
        return needed;
    }

    private async Task<PeriodResults> RecomputeAsync(Period period, RecomputeInputs inputs, CancellationToken ct)
    {
        var (registry, targets, officialRanks, cache) = inputs;
        var needed = NeededFor(period);
        var stored = await cache.ReadAsync(needed, ct);
        var set = new ObservationSet(stored);
        var derived = PerMuCalculator.Derive(registry, set, needed);
        foreach (var d in derived) set.Add(d);

        var rankings = new RankingCalculator(registry, set).ComputeAll(period);
        var progress = new TargetCalculator(registry, set, TargetThresholds).Compute(targets, period);
        var result = new PeriodResults
        {
            Period = period.ToString(), Rankings = rankings, Targets = progress,
            Derived = derived.Where(d => d.Period == period).OrderBy(d => d.Zone, StringComparer.Ordinal).ThenBy(d => d.Indicator, StringComparer.Ordinal).ToList(),
            Observations = stored.Where(o => o.Period == period).OrderBy(o => o.Zone, StringComparer.Ordinal).ThenBy(o => o.Indicator, StringComparer.Ordinal).ToList(),
            Composites = Evaluation.EvaluationStep.Composites(registry, set, period, officialRanks, Evaluation.SchemeCatalog.BuiltIn, m => Progress?.Invoke(m)),
            CityShares = Evaluation.Benchmark.CityShares(registry, set, period),
        };
        await results.SaveAsync(result, ct);
        Progress?.Invoke($"重算 / recompute {period}: {rankings.Count} 个排名 rankings, {progress.Count} 个目标 targets");
        return result;
    }

    /// <summary>Publishes every staged period as a new version; returns null when the content equals the latest.</summary>
    public Task<SnapshotPointer?> PublishAsync(CancellationToken ct = default) =>
        PipelineTelemetry.StageAsync("publish", null, () => PublishCoreAsync(ct));

    private async Task<SnapshotPointer?> PublishCoreAsync(CancellationToken ct)
    {
        var registry = await references.LoadRegistryAsync(ct);
        var periods = await results.ListAsync(ct);
        var staged = new List<PeriodResults>();
        foreach (var p in periods)
        {
            if (await results.LoadAsync(p, ct) is { } r) staged.Add(r);
        }
        var official = OfficialRankMove.FromRanks(await references.LoadOfficialRanksAsync(ct));
        var latest = await snapshots.LatestAsync(ct);
        // Unchanged data is not published: the briefings of such a version need not be rendered.
        var version = SnapshotBuilder.Build(registry, staged, official, _clock.GetUtcNow(), briefings, renderUnless: latest?.ContentHash);
        if (latest?.ContentHash == version.ContentHash)
        {
            Progress?.Invoke($"发布 / publish: 内容未变，沿用 / unchanged, latest stays {latest.Version}");
            return null;
        }
        await snapshots.PublishAsync(version, ct);
        Progress?.Invoke($"发布 / publish: {version.Id} ({version.Files.Count} files)");
        return await snapshots.LatestAsync(ct);
    }

    /// <summary>Registry first (indicators, groups, zones), then targets and official ranks, then observations by name.</summary>
    public static IReadOnlyList<InputFile> InRunOrder(IEnumerable<InputFile> files) => files.OrderBy(f => f.Kind switch
    {
        InputKind.Indicators => 0, InputKind.Groups => 1, InputKind.Zones => 2,
        InputKind.ValidationRules => 3, InputKind.Targets => 4, InputKind.OfficialRanks => 5, _ => 6,
    }).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// What the timer does: ingest the files (registry first), recompute the periods that changed or were
    /// never computed, publish. Safe to run twice: unchanged input changes nothing and publishes nothing.
    /// </summary>
    public async Task<PipelineRun> RunAsync(IEnumerable<InputFile> files, IngestOptions options, CancellationToken ct = default)
    {
        var summaries = new List<ImportSummary>();
        var list = InRunOrder(files);
        using var activity = PipelineTelemetry.StartRun(list.Count);
        foreach (var f in list) summaries.Add(await IngestAsync(f, options, ct));

        var touched = summaries.SelectMany(s => s.Periods).Select(Period.Parse).ToHashSet();
        var referenceChanged = summaries.Any(s => s.Kind != "observations" && s.Counts.Imported + s.Counts.Updated > 0);
        var stored = await observations.ListPeriodsAsync(ct);
        var computed = (await results.ListAsync(ct)).ToHashSet();
        // A changed month also moves the next month's "previous" and next year's "year before".
        var toRecompute = stored.Where(p => referenceChanged || !computed.Contains(p) || touched.Contains(p)
            || touched.Contains(p.Previous()) || touched.Contains(p.YearBefore())).Order().ToList();
        var recomputed = await RecomputeAllAsync(toRecompute, ct: ct);
        var pointer = await PublishAsync(ct) ?? await snapshots.LatestAsync(ct);
        activity?.SetTag("fz.recomputed", string.Join(",", recomputed)).SetTag("fz.snapshot", pointer?.Version);
        return new PipelineRun(summaries, recomputed, pointer, pointer is null ? null : snapshots.Location(pointer.Version));
    }
}

/// <summary>What one run did.</summary>
public sealed record PipelineRun(IReadOnlyList<ImportSummary> Imports, IReadOnlyList<string> Recomputed, SnapshotPointer? Snapshot, string? Location);
