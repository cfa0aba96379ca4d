using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Derived;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Targets;

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
    TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Progress lines for long work ("ingest observations.csv: 329 rows").</summary>
    public event Action<string>? Progress;

    public async Task<ImportSummary> IngestAsync(InputFile file, IngestOptions options, CancellationToken ct = default)
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
                case InputKind.Observations:
                {
                    var registry = await references.LoadRegistryAsync(ct);
                    var raw = file.Extension == ".json"
                        ? JsonRowsReader.Read(file.Text(), findings)
                        : LongCsvReader.Read(new StringReader(file.Text()), findings);
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
                    var stamped = resolved.Select(r => r.Observation with { ImportId = importId }).ToList();
                    Progress?.Invoke($"导入 / ingest {Path.GetFileName(file.Name)}: {raw.Count} 行 rows, {stamped.Count} 有效 valid");
                    var ignored = raw.Count - stamped.Count;
                    counts = await WriteIfAllowed(stamped.Count, findings, options, () => observations.WriteAsync(stamped, importId, ct), ignored);
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
            Status = ImportSummary.StatusOf(findings), Counts = counts, Findings = ImportSummary.Group(findings),
            DryRun = options.DryRun, StartedAt = started, FinishedAt = _clock.GetUtcNow(), Periods = periods,
        };
        if (!options.DryRun) await importLog.SaveAsync(summary, ct);
        return summary;
    }

    private static async Task<ImportCounts> WriteIfAllowed(int valid, List<Finding> findings, IngestOptions options, Func<Task<WriteCounts>> write, int ignored = 0)
    {
        var hasErrors = findings.Any(f => f.Severity == Severity.Error);
        // All-or-nothing per file unless the caller asked for the valid rows.
        if (hasErrors && !options.AllowPartial) return new ImportCounts(0, 0, 0, ignored + valid);
        if (options.DryRun) return new ImportCounts(valid, 0, 0, ignored);
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
        object Part(ZoneRegistry r) => kind switch { InputKind.Zones => r.Zones, InputKind.Groups => r.Groups, _ => r.Indicators };
        if (SnapshotBuilder.Serialize(Part(current)).AsSpan().SequenceEqual(SnapshotBuilder.Serialize(Part(next))))
            return new ImportCounts(0, 0, items, 0);
        if (options.DryRun) return new ImportCounts(items, 0, 0, 0);
        await references.SaveRegistryAsync(next, ct);
        return new ImportCounts(Math.Max(0, items - count), Math.Min(items, count), 0, 0);
    }

    /// <summary>Ranks, 亩均 values and target progress for one period, staged for publish.</summary>
    public async Task<PeriodResults> RecomputeAsync(Period period, CancellationToken ct = default)
    {
        var registry = await references.LoadRegistryAsync(ct);
        var targets = await references.LoadTargetsAsync(ct);
        var cache = new PeriodCache(observations, await observations.ListPeriodsAsync(ct));
        return await RecomputeAsync(period, registry, targets, cache, ct);
    }

    /// <summary>
    /// Recomputes several periods in order with one registry and target load, reading each stored period once
    /// and keeping it only while a later period still needs it (as its previous month or year before).
    /// </summary>
    public async Task<IReadOnlyList<string>> RecomputeAllAsync(IReadOnlyList<Period> periods, Action<PeriodResults>? each = null, CancellationToken ct = default)
    {
        var ordered = periods.Distinct().Order().ToList();
        if (ordered.Count == 0) return [];
        var registry = await references.LoadRegistryAsync(ct);
        var targets = await references.LoadTargetsAsync(ct);
        var cache = new PeriodCache(observations, await observations.ListPeriodsAsync(ct));
        var done = new List<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var result = await RecomputeAsync(ordered[i], registry, targets, cache, ct);
            each?.Invoke(result);
            done.Add(result.Period);
            cache.KeepOnly(ordered.Skip(i + 1).SelectMany(NeededFor));
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

    private async Task<PeriodResults> RecomputeAsync(Period period, ZoneRegistry registry, IReadOnlyList<Target> targets, PeriodCache cache, CancellationToken ct)
    {
        var needed = NeededFor(period);
        var stored = await cache.ReadAsync(needed, ct);
        var set = new ObservationSet(stored);
        var derived = PerMuCalculator.Derive(registry, set, needed);
        foreach (var d in derived) set.Add(d);

        var rankings = new RankingCalculator(registry, set).ComputeAll(period);
        var progress = new TargetCalculator(registry, set).Compute(targets, period);
        var result = new PeriodResults
        {
            Period = period.ToString(), Rankings = rankings, Targets = progress,
            Derived = derived.Where(d => d.Period == period).OrderBy(d => d.Zone, StringComparer.Ordinal).ThenBy(d => d.Indicator, StringComparer.Ordinal).ToList(),
            Observations = stored.Where(o => o.Period == period).OrderBy(o => o.Zone, StringComparer.Ordinal).ThenBy(o => o.Indicator, StringComparer.Ordinal).ToList(),
        };
        await results.SaveAsync(result, ct);
        Progress?.Invoke($"重算 / recompute {period}: {rankings.Count} 个排名 rankings, {progress.Count} 个目标 targets");
        return result;
    }

    /// <summary>Publishes every staged period as a new version; returns null when the content equals the latest.</summary>
    public async Task<SnapshotPointer?> PublishAsync(CancellationToken ct = default)
    {
        var registry = await references.LoadRegistryAsync(ct);
        var periods = await results.ListAsync(ct);
        var staged = new List<PeriodResults>();
        foreach (var p in periods)
        {
            if (await results.LoadAsync(p, ct) is { } r) staged.Add(r);
        }
        var official = OfficialRankMove.FromRanks(await references.LoadOfficialRanksAsync(ct));
        var version = SnapshotBuilder.Build(registry, staged, official, _clock.GetUtcNow());
        var latest = await snapshots.LatestAsync(ct);
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
        InputKind.Targets => 3, InputKind.OfficialRanks => 4, _ => 5,
    }).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// What the timer does: ingest the files (registry first), recompute the periods that changed or were
    /// never computed, publish. Safe to run twice: unchanged input changes nothing and publishes nothing.
    /// </summary>
    public async Task<PipelineRun> RunAsync(IEnumerable<InputFile> files, IngestOptions options, CancellationToken ct = default)
    {
        var summaries = new List<ImportSummary>();
        foreach (var f in InRunOrder(files)) summaries.Add(await IngestAsync(f, options, ct));

        var touched = summaries.SelectMany(s => s.Periods).Select(Period.Parse).ToHashSet();
        var referenceChanged = summaries.Any(s => s.Kind != "observations" && s.Counts.Imported + s.Counts.Updated > 0);
        var stored = await observations.ListPeriodsAsync(ct);
        var computed = (await results.ListAsync(ct)).ToHashSet();
        // A changed month also moves the next month's "previous" and next year's "year before".
        var toRecompute = stored.Where(p => referenceChanged || !computed.Contains(p) || touched.Contains(p)
            || touched.Contains(p.Previous()) || touched.Contains(p.YearBefore())).Order().ToList();
        var recomputed = await RecomputeAllAsync(toRecompute, ct: ct);
        var pointer = await PublishAsync(ct) ?? await snapshots.LatestAsync(ct);
        return new PipelineRun(summaries, recomputed, pointer, pointer is null ? null : snapshots.Location(pointer.Version));
    }
}

/// <summary>What one run did.</summary>
public sealed record PipelineRun(IReadOnlyList<ImportSummary> Imports, IReadOnlyList<string> Recomputed, SnapshotPointer? Snapshot, string? Location);
