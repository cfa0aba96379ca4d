using System.Diagnostics;
using System.Runtime.InteropServices;
using Azure.Data.Tables;
using FunctionsZone.Host;
using FunctionsZone.Core.Derived;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Generation;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Functions.Http;
using FunctionsZone.Storage;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Storage.References;
using FunctionsZone.Storage.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Cli.Bench;

/// <summary>The sizes `fz bench --size` knows.</summary>
public enum BenchSize { Small, Medium, National }

/// <summary>
/// One benchmark run: the storage ceiling, the naive way, then FunctionsZone's ingest, recompute, publish and reads,
/// all on the same storage account in tables and containers of its own (a unique prefix), deleted at the end.
/// </summary>
public sealed class BenchRunner(IConfiguration configuration, BenchSize size, Action<string>? progress = null)
{
    public int Seed { get; init; } = 1;
    public int NaiveSample { get; init; } = 10_000;
    /// <summary>Entities the untimed warm-up writes before the first timed pass.</summary>
    public int WarmUpEntities { get; init; } = 20_000;
    public TimeSpan NaiveBudget { get; init; } = TimeSpan.FromSeconds(15);
    public int QueryIterations { get; init; } = 200;
    public TimeSpan QueryBudget { get; init; } = TimeSpan.FromSeconds(15);
    public bool Keep { get; init; }
    /// <summary>
    /// Run the pipeline's stages under a 512 MB instance's GC heap limit (<see cref="InstanceMemoryLimit"/>). The limit is
    /// the process's, so only a process of its own sets it (fz bench), never a host running other work beside it.
    /// </summary>
    public bool InstanceHeapLimit { get; init; }
    /// <summary>The storage emulator's process, whose CPU each stage reports (CpuMeter); null when unknown.</summary>
    public int? StoragePid { get; init; }

    public static GeneratorOptions? GeneratorFor(BenchSize size, int seed) => size switch
    {
        BenchSize.Medium => new GeneratorOptions { Zones = 300, Indicators = 60, Months = 12, Seed = seed },
        BenchSize.National => new GeneratorOptions { Zones = 2_700, Indicators = 60, Months = 1, Seed = seed, Start = Period.OfMonth(2022, 5) },
        _ => null,
    };

    public async Task<BenchReport> RunAsync(CancellationToken ct = default)
    {
        var started = DateTimeOffset.UtcNow;
        var id = "b" + Guid.NewGuid().ToString("N")[..9];
        // The composition root under the run's prefix, each store wrapped to split storage time from in-memory work.
        await using var bench = BenchServices.Build(configuration, id);
        var isolated = bench.Configuration;
        var services = bench.Provider;
        var clients = bench.Clients;
        var tx = bench.Transactions;
        string? generated = null;
        try
        {
            // 0. The input files: the seeds, or generated data in a temporary folder.
            string folder;
            var gen = GeneratorFor(size, Seed);
            if (gen is null)
            {
                folder = RepositoryPaths.FindUp("seeds") ?? throw new InvalidOperationException("找不到 seeds/ 文件夹 / no seeds/ folder found above the current directory");
            }
            else
            {
                folder = generated = Directory.CreateTempSubdirectory("fz-bench-").FullName;
                progress?.Invoke($"generate {gen.Zones} × {gen.Indicators} × {gen.Months} → {folder}");
                new DatasetGenerator(gen).WriteTo(folder);
                // The schemes are data like the rest: the seeds' scheme files are ingested with the generated files.
                if (RepositoryPaths.FindUp("seeds") is { } seeds && Directory.Exists(Path.Combine(seeds, InputFile.SchemesFolder)))
                {
                    Directory.CreateDirectory(Path.Combine(folder, InputFile.SchemesFolder));
                    foreach (var f in Directory.GetFiles(Path.Combine(seeds, InputFile.SchemesFolder), "*.json"))
                        File.Copy(f, Path.Combine(folder, InputFile.SchemesFolder, Path.GetFileName(f)));
                }
            }
            // Read from the folder at each use, never held: the pipeline's memory is measured in this process, and the
            // files (bytes and decoded text, ~30 MiB for a national month) are the caller's, gone once ingested.
            IReadOnlyList<InputFile> Files() => InputFile.FromFolder(folder);
            var registry = RegistryFiles.LoadFolder(folder);

            // The same entities the observation store writes, parsed and validated outside the timings.
            List<TableEntity> Entities()
            {
                var list = new List<TableEntity>();
                foreach (var f in Files().Where(f => f.Kind == InputKind.Observations))
                {
                    var findings = new List<Finding>();
                    var raw = f.Extension == ".json" ? JsonRowsReader.Read(f.Text(), findings) : LongCsvReader.Read(new StringReader(f.Text()), findings);
                    // The import id an import of this file gets, so each entity has the bytes the store writes (a shorter
                    // id, "ceiling", made every ceiling entity 21 bytes lighter than the one the store writes).
                    var importId = ImportSummary.NewId(DateTimeOffset.UtcNow, f.Sha256);
                    foreach (var r in new RowResolver(registry).Resolve(raw, f.Name, findings))
                        list.Add(ObservationEntity.ToEntity(r.Observation with { ImportId = importId }));
                }
                return list;
            }
            var entities = Entities();
            var values = entities.Count;
            var partitions = entities.Select(e => e.PartitionKey).Distinct().ToList();
            var months = entities.Select(e => e.GetString("Period")).Distinct().Count(p => Period.TryParse(p, out var x) && x.IsMonth);
            // The values per observation file, for the reads per month; the entities are made again for the ceiling.
            var valuesByPeriod = entities.GroupBy(e => e.GetString("Period")).ToDictionary(g => g.Key!, g => (long)g.Count(), StringComparer.Ordinal);
            // Warm-up, untimed: whichever pass ran first met a cold emulator and a cold SDK (national, 2026-12-04: ingest
            // 78.4 s first, 70.8 s second; ceiling 63.8 s first, 61.3 s second), and that was always the ingest's.
            await WarmUpAsync(entities, clients, ct);
            entities = null!;
            var stages = new List<BenchStage>();
            var cpu = new CpuMeter(StoragePid);

            // The emulator slows as a run goes on (a national run at f210975: the ceiling's pass after the pipeline took
            // 101.2 s against 88.3 s before it), so the two ingest passes and the two ceiling passes go in the order ingest, ceiling, ceiling, ingest:
            // neither side has the fresher storage. First ingest pass: under a prefix of its own, deleted after it.
            progress?.Invoke("ingest: the generated files through MonthlyPipeline.IngestAsync, first pass (tables of its own)");
            IngestPass first;
            (long Stage, long WorkingSet, long Heap) firstPeaks;
            using (var limit = InstanceHeapLimit ? InstanceMemoryLimit.Apply() : null)
            await using (var memory = new MemorySampler())
            await using (var trial = BenchServices.Build(configuration, id + FirstIngestSuffix))
            {
                first = await IngestPass.RunAsync(trial, cpu, Files, valuesByPeriod, gen is not null, progress, ct);
                firstPeaks = (memory.TakeStagePeak(), memory.PeakWorkingSet, memory.PeakHeap);
                await CleanUpAsync(trial.Clients, id + FirstIngestSuffix);
            }
            entities = Entities();

            // 1. Ceiling: the SDK writing and reading the same entities, nothing else.
            var ceilingParallelism = StorageCeiling.Parallelism(clients);
            var ceilingTable = clients.Table("Ceiling");
            var ceiling = new StorageCeiling(ceilingTable, ceilingParallelism);
            progress?.Invoke($"ceiling: write {values:N0} entities in {partitions.Count:N0} partitions");
            // One pass: the entities written into a table of its own and read back by partition, each timed with its CPU.
            async Task<(TimeSpan Write, StageFigures WriteFigures, TimeSpan Read, long ReadCount, StageFigures ReadFigures)> CeilingPassAsync(StorageCeiling pass)
            {
                var mark = StageMark.Start(bench, cpu);
                var write = await pass.WriteAsync(entities, ct);
                var writeFigures = mark.Take();
                mark = StageMark.Start(bench, cpu);
                var (read, count) = await pass.ReadAsync(partitions, ct);
                return (write, writeFigures, read, count, mark.Take());
            }
            var (ceilingWrite, firstWriteFigures, ceilingReadTime, ceilingRead, firstReadFigures) = await CeilingPassAsync(ceiling);
            var (ceilingWriteTx, ceilingWriteCpu) = (firstWriteFigures.Transactions, firstWriteFigures.Cpu);
            var (ceilingReadTx, ceilingReadCpu) = (firstReadFigures.Transactions, firstReadFigures.Cpu);
            var pointSample = entities[entities.Count / 2];
            var pointRead = await Latency.MeasureAsync("raw point read (table entity)",
                () => ceiling.PointReadAsync(pointSample.PartitionKey, pointSample.RowKey, ct), QueryIterations, QueryBudget, "GetEntity of one observation");

            // 2. Naive: one upsert per value, on a sample, extrapolated to all values.
            progress?.Invoke("naive: one upsert per value (sample)");
            var (naiveTime, naiveWritten) = await ceiling.NaiveAsync(entities, NaiveSample, NaiveBudget, ct);
            var naiveRate = naiveWritten / naiveTime.TotalSeconds;
            var naiveExtrapolated = naiveWritten < values;
            stages.Add(new BenchStage("naive (1 upsert per value)", true, naiveExtrapolated ? values / naiveRate : naiveTime.TotalSeconds, values, naiveRate,
                Note: naiveExtrapolated ? $"extrapolated from {naiveWritten:N0} values in {naiveTime.TotalSeconds:0.0} s" : "all values, one by one"));
            await ceilingTable.DeleteAsync(ct);
            // The ceiling again: this machine is shared, so the ceiling is the better of two passes.
            progress?.Invoke("ceiling: second pass");
            var (write2, write2Figures, read2, readCount2, read2Figures) = await CeilingPassAsync(new StorageCeiling(clients.Table("Ceiling2"), ceilingParallelism));
            var (write2Cpu, read2Cpu) = (write2Figures.Cpu, read2Figures.Cpu);
            await clients.Table("Ceiling2").DeleteAsync(ct);
            // entities (the ceiling's copy) are dropped before the pipeline's memory window.
            entities = null!;
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

            // 3–5. FunctionsZone's pipeline on the real stores: the second ingest pass, on the run's tables, then recompute
            // and publish on what it wrote.
            var pipeline = bench.Pipeline;
            long imported, updated, unchanged;
            int rankings = 0, targets = 0, snapshotFiles = 0, composites = 0;
            BenchComposites? compositeFigures = null;
            var evaluated = new List<CompositeResult>();
            IReadOnlyList<Period> periods;
            double ingestSeconds, recomputeSeconds, publishSeconds;
            long stored;
            SnapshotPointer published;
            double[] ingestPasses;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
            double? heapLimitMiB;
            // The pipeline's stages as a 512 MB instance runs them: under its GC heap limit (InstanceMemoryLimit).
            using (var limit = InstanceHeapLimit ? InstanceMemoryLimit.Apply() : null)
            await using (var memory = new MemorySampler())
            {
                heapLimitMiB = limit?.LimitMiB;
                progress?.Invoke($"ingest: second pass (first {first.Figures.Seconds:0.0} s)");
                var second = await IngestPass.RunAsync(bench, cpu, Files, valuesByPeriod, gen is not null, progress, ct);
                var best = IngestPass.Better(first, second);
                ingestPasses = [Math.Round(first.Figures.Seconds, 3), Math.Round(second.Figures.Seconds, 3)];
                (imported, updated, unchanged) = (second.Imported, second.Updated, second.Unchanged);
                ingestSeconds = best.Figures.Seconds;
                ingestReads = (best.ObservationReadSeconds, best.ObservationReadEntities);
                importReads.AddRange(best.ImportReads);
                stages.Add(IngestPass.Stage(first, second, values, MiB(Math.Max(firstPeaks.Stage, memory.TakeStagePeak()))));

                var obsStore = services.GetRequiredService<TableObservationStore>();
                periods = await obsStore.ListPeriodsAsync(ct);

                memory.TakeStagePeak();
                progress?.Invoke($"recompute: {periods.Count} periods");
                var stage = StageMark.Start(bench, cpu);
                // As RunAsync does it: every period in one pass, each stored period read once.
                await pipeline.RecomputeAllAsync(periods, r => { rankings += r.Rankings.Count; targets += r.Targets.Count; evaluated.AddRange(r.Composites); }, ct);
                var recompute = stage.Take();
                recomputeSeconds = recompute.Seconds;
                composites = evaluated.Count;
                stages.Add(new BenchStage("recompute (indicator × group × measure + composites)", true, recompute.Seconds, rankings, rankings / recompute.Seconds,
                    recompute.StorageSeconds, recompute.Seconds - recompute.StorageSeconds,
                    $"{periods.Count} periods; items = rankings; includes {composites} composite evaluations", MiB(memory.TakeStagePeak()))
                    { Transactions = recompute.Transactions, Cpu = recompute.Cpu });

                progress?.Invoke("publish");
                stage = StageMark.Start(bench, cpu);
                var pointer = await pipeline.PublishAsync(ct);
                var publish = stage.Take();
                publishSeconds = publish.Seconds;
                var latest = pointer ?? throw new InvalidOperationException("publish wrote nothing");
                var manifest = await services.GetRequiredService<SnapshotReader>().ReadAsync<SnapshotManifest>(latest, SnapshotLayout.ManifestFile, ct);
                snapshotFiles = manifest?.Files.Count ?? 0;
                published = latest;
                stages.Add(new BenchStage("publish (snapshot to blobs)", true, publish.Seconds, snapshotFiles, snapshotFiles / publish.Seconds,
                    publish.StorageSeconds, publish.Seconds - publish.StorageSeconds, "items = snapshot files", MiB(memory.TakeStagePeak()))
                    { Transactions = publish.Transactions, Cpu = publish.Cpu });
                memoryPeak = (Math.Max(firstPeaks.WorkingSet, memory.PeakWorkingSet), Math.Max(firstPeaks.Heap, memory.PeakHeap));
            }
            // The bench's own re-runs, not stages of the pipeline: after publish, outside the pipeline's memory window.
            stored = (await services.GetRequiredService<TableObservationStore>().ReadPeriodsAsync(periods, ct)).Count;
            BenchStage compositeStage;
            (compositeFigures, compositeStage) = await CompositeStageAsync(clients, registry, periods, evaluated, recomputeSeconds, ct);
            stages.Insert(stages.FindIndex(x => x.Name.StartsWith("recompute", StringComparison.Ordinal)) + 1, compositeStage);
            var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
            var endToEnd = ingestSeconds + recomputeSeconds + publishSeconds;
            stages.Add(new BenchStage("end to end (ingest + recompute + publish)", true, endToEnd, values, values / endToEnd));
            progress?.Invoke("publish: after a one-zone correction");
            var incremental = await IncrementalPublish.MeasureAsync(pipeline, clients, registry, services.GetRequiredService<SnapshotReader>(), published, ct);
            stages.Add(new BenchStage("publish after a one-zone correction", true, incremental.Seconds, incremental.Written, incremental.Written / incremental.Seconds,
                Note: $"items = blobs written ({incremental.Share:P2} of the full publish's {incremental.FullWritten:N0})"));

            // 6. Reads through the function classes in process, with real HttpRequests.
            progress?.Invoke("queries");
            var queries = new List<BenchQuery> { pointRead };
            queries.AddRange(await QueriesAsync(clients, isolated, ct));

            var firstWrite = ceilingWrite; var firstRead = ceilingReadTime;
            if (write2 < ceilingWrite) (ceilingWrite, ceilingWriteCpu) = (write2, write2Cpu);
            if (read2 < ceilingReadTime) (ceilingReadTime, ceilingReadCpu) = (read2, read2Cpu);
            ceilingRead = Math.Min(ceilingRead, readCount2);
            stages.InsertRange(0,
            [
                new BenchStage("ceiling write (SDK batches)", true, ceilingWrite.TotalSeconds, values, values / ceilingWrite.TotalSeconds,
                    Note: $"transactions of 100, {ceilingParallelism} at once; best of {firstWrite.TotalSeconds:0.0} s and {write2.TotalSeconds:0.0} s") { Transactions = ceilingWriteTx, Cpu = ceilingWriteCpu },
                new BenchStage("ceiling read (by partition)", true, ceilingReadTime.TotalSeconds, ceilingRead, ceilingRead / ceilingReadTime.TotalSeconds,
                    Note: $"{partitions.Count:N0} partitions, {ceilingParallelism} at once; best of {firstRead.TotalSeconds:0.0} s and {read2.TotalSeconds:0.0} s") { Transactions = ceilingReadTx, Cpu = ceilingReadCpu },
            ]);

            var ingestRate = values / ingestSeconds;
            var ceilingRate = values / ceilingWrite.TotalSeconds;
            // Judged on the default reads (latest.json read on every call); the cached variant is shown beside them.
            var functionP99 = queries.Where(q => q.Measured && q.Name.StartsWith("function", StringComparison.Ordinal) && !q.Name.Contains("cached")).Select(q => q.P99Ms).Max();
            var ratios = new BenchRatios(
                IngestVsCeiling: Round(ingestRate / ceilingRate), IngestVsNaive: Round(ingestRate / naiveRate),
                EndToEndVsCeiling: Round(endToEnd / (ceilingWrite.TotalSeconds + ceilingReadTime.TotalSeconds)),
                RecomputeVsCeilingRead: Round(recomputeSeconds / ceilingReadTime.TotalSeconds),
                RecomputeInMemoryVsCeilingRead: Round((recomputeSeconds - stages.First(s => s.Name.StartsWith("recompute")).StorageSeconds!.Value) / ceilingReadTime.TotalSeconds),
                QueryP99VsPointRead: functionP99 is { } fp && pointRead.P99Ms is > 0 ? Round(fp / pointRead.P99Ms!.Value) : null)
            {
                StorageReadsPerImportedValue = values == 0 ? 0 : Round((double)stages.First(s => s.Name == "FunctionsZone ingest").Transactions!.Reads / values),
                CompositeVsCeilingRead = compositeFigures is { Results: > 0 } cf ? Round(cf.Seconds / ceilingReadTime.TotalSeconds) : null,
                HttpP99VsPointRead = queries.Where(q => q.Measured && q.Name.StartsWith("HTTP", StringComparison.Ordinal)).Select(q => q.P99Ms).Max() is { } hp && pointRead.P99Ms is > 0
                    ? Round(hp / pointRead.P99Ms!.Value) : null,
                IngestStorageCpuVsCeiling = StorageCpuRatio(stages, ["FunctionsZone ingest"], ["ceiling write"]),
                EndToEndStorageCpuVsCeiling = StorageCpuRatio(stages, ["FunctionsZone ingest", "recompute", "publish (snapshot"], ["ceiling write", "ceiling read"]),
            };
            using var process = Process.GetCurrentProcess();
            var machine = await MachineAsync(clients, ct);
            var mem = new BenchMemory(MiB(process.PeakWorkingSet64), MiB(memoryPeak.WorkingSet), MiB(memoryPeak.Heap), MiB(allocated)) { PipelineGcHeapLimitMiB = heapLimitMiB };
            var agreement = new BenchAgreement(values, values, ceilingRead, imported, updated, unchanged, stored, periods.Count, rankings, targets, snapshotFiles,
                Agrees: ceilingRead == values && imported + updated + unchanged == values && stored == values && rankings > 0 && snapshotFiles > 0
                        && compositeFigures!.Results == composites)
            { Composites = composites };
            return new BenchReport
            {
                Size = size.ToString().ToLowerInvariant(), RunId = id, Zones = registry.Zones.Count, Indicators = registry.Indicators.Count, Months = months,
                StartedAt = started, Machine = machine, WriteParallelism = clients.Options.WriteParallelism,
                CeilingParallelism = ceilingParallelism, Stages = stages, Queries = queries, Memory = mem, Ratios = ratios,
                Goals = BenchGoals.Of(new BenchGoalInputs(ratios, mem, size, compositeFigures!, importReads, incremental)), IncrementalPublish = incremental, Agreement = agreement, Composites = compositeFigures,
                IngestObservationReads = new BenchReads(Math.Round(ingestReads.Seconds, 3), ingestReads.Entities),
                ImportReads = importReads,
                IngestPassSeconds = ingestPasses,
            };
        }
        finally
        {
            if (!Keep) await CleanUpAsync(clients, id);
            if (generated is not null) try { Directory.Delete(generated, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// The first ingest pass's prefix after the run's: a digit, so the run's clean-up range ([id, id~)) holds its tables and
    /// its own ([id1, id1~)) holds none of the run's, whose names go on with a letter.
    /// </summary>
    private const string FirstIngestSuffix = "1";
    private (long WorkingSet, long Heap) memoryPeak;
    private (double Seconds, long Entities) ingestReads;
    private readonly List<BenchImportReads> importReads = [];

    private static double Round(double v) => Math.Round(v, 4);

    /// <summary>The storage's CPU over the stages named (by prefix) in <paramref name="over"/> ÷ over those in <paramref name="against"/>.</summary>
    private static double? StorageCpuRatio(IReadOnlyList<BenchStage> stages, string[] over, string[] against)
    {
        double? Sum(string[] names)
        {
            var picked = names.Select(n => stages.FirstOrDefault(s => s.Name.StartsWith(n, StringComparison.Ordinal))?.Cpu?.Storage).ToList();
            return picked.All(x => x is > 0) ? picked.Sum() : null;
        }
        return Sum(over) is { } a && Sum(against) is { } b ? Round(a / b) : null;
    }
    private static double MiB(long bytes) => Math.Round(bytes / 1024.0 / 1024.0, 1);

    /// <summary>
    /// The composite step alone: EvaluationStep.Composites again on the same stored data, as recompute calls it, and its
    /// stage line (part of recompute, so not added to end to end).
    /// </summary>
    private async Task<(BenchComposites Figures, BenchStage Stage)> CompositeStageAsync(StorageClients clients, ZoneRegistry registry,
        IReadOnlyList<Period> periods, IReadOnlyList<CompositeResult> fromRecompute, double recomputeSeconds, CancellationToken ct)
    {
        await using var memory = new MemorySampler();
        progress?.Invoke("composite: the evaluation schemes alone, re-timed on the same data");
        var f = await CompositesAsync(clients, registry, periods, fromRecompute, ct);
        var stage = f.Results == 0
            ? new BenchStage("composite (Monte Carlo draws)", false, 0, 0, null,
                Note: $"no scheme found its group and indicators in the data: {string.Join("; ", f.Skipped)}")
            : new BenchStage($"composite ({f.Draws:N0} Monte Carlo draws), part of recompute", true, f.Seconds, f.Results, f.Results / f.Seconds, 0, f.Seconds,
                $"{string.Join(", ", f.Schemes)}; {f.Seconds / recomputeSeconds:P0} of recompute; items = scheme × period evaluations",
                MiB(memory.TakeStagePeak()));
        return (f, stage);
    }

    /// <summary>
    /// The schemes recompute evaluates (those ingested into fzSchemes), timed alone on the stored data of every period, with
    /// the derived values recompute derives; the count must equal what recompute itself produced.
    /// </summary>
    private static async Task<BenchComposites> CompositesAsync(StorageClients clients, ZoneRegistry registry, IReadOnlyList<Period> periods,
        IReadOnlyList<CompositeResult> fromRecompute, CancellationToken ct)
    {
        var official = await new TableReferenceStore(clients).LoadOfficialRanksAsync(ct);
        var catalog = new SchemeCatalog(await new TableReferenceStore(clients).LoadSchemesAsync(ct));
        var set = new ObservationSet(await new TableObservationStore(clients).ReadPeriodsAsync(periods, ct));
        foreach (var d in DerivedFigures.Derive(registry, set, periods)) set.Add(d);
        var skipped = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<CompositeResult>();
        var sw = Stopwatch.StartNew();
        foreach (var p in periods) results.AddRange(EvaluationStep.Composites(registry, set, p, official, catalog, m => skipped.Add(m)));
        var seconds = sw.Elapsed.TotalSeconds;
        foreach (var s in catalog.Schemes.Where(s => results.All(r => r.Scheme != s.Id) && !skipped.Any(m => m.Contains(s.Id))))
            skipped.Add($"{s.Id}: fewer than two zones with enough of its indicators");
        var schemes = results.GroupBy(r => r.Scheme).Select(g => $"{g.Key} ({g.Max(r => r.Zones.Count)} zones × {g.First().Indicators.Count} columns × {g.Count()} periods)").ToList();
        return new BenchComposites(results.Count, fromRecompute.Count, results.Count == 0 ? 0 : results.Max(r => r.Draws), seconds, schemes, skipped.Order(StringComparer.Ordinal).ToList());
    }

    private async Task<IReadOnlyList<BenchQuery>> QueriesAsync(StorageClients clients, IConfiguration isolated, CancellationToken ct)
    {
        var reader = new SnapshotReader(new BlobSnapshotStore(clients));
        var functions = new ReadFunctions(reader);
        var services = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();
        var latest = await reader.LatestAsync(ct);
        var registry = await reader.RegistryAsync(latest, ct);
        var month = latest.Periods.Where(p => Period.TryParse(p, out var x) && x.IsMonth).Order(StringComparer.Ordinal).LastOrDefault() ?? latest.Periods.Last();
        var doc = await reader.ReadAsync<SnapshotReader.RankingsDocument>(latest, SnapshotLayout.Rankings(month), ct);
        // The largest group's ranking of the first indicator: the heaviest list a portal asks for.
        var ranking = doc!.Rankings.OrderByDescending(r => r.Entries.Count).First();
        var targetsDoc = await reader.ReadAsync<SnapshotReader.TargetsDocument>(latest, SnapshotLayout.Targets(month), ct);
        var target = targetsDoc?.Targets.FirstOrDefault();

        async Task Call(Func<HttpRequest, Task<IActionResult>> function, string query)
        {
            var http = new DefaultHttpContext { RequestServices = services };
            http.Request.Method = "GET";
            http.Request.QueryString = new QueryString(query);
            http.Response.Body = new MemoryStream();
            var result = await function(http.Request);
            await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
            if (http.Response.StatusCode != 200 || http.Response.Body.Length == 0)
                throw new InvalidOperationException($"{query} answered {http.Response.StatusCode}");
        }

        var list = new List<BenchQuery>
        {
            await Latency.MeasureAsync("function GetRankings", () => Call(functions.Rankings,
                $"?period={month}&indicator={Uri.EscapeDataString(ranking.Indicator)}&group={Uri.EscapeDataString(ranking.Group)}&measure={(ranking.Measure == Core.Rankings.Measure.Level ? "level" : "growth")}"),
                QueryIterations, QueryBudget, $"{ranking.Group} · {ranking.Indicator}, {ranking.Entries.Count} entries"),
        };
        // The same read with latest.json kept for 5 s (FunctionsZone__LatestCacheSeconds=5): the round trip it saves.
        var cachedFunctions = new ReadFunctions(new SnapshotReader(new BlobSnapshotStore(clients), new SnapshotReaderOptions { LatestCacheSeconds = 5 }));
        list.Add(await Latency.MeasureAsync("function GetRankings, latest cached 5 s", () => Call(cachedFunctions.Rankings,
                $"?period={month}&indicator={Uri.EscapeDataString(ranking.Indicator)}&group={Uri.EscapeDataString(ranking.Group)}&measure={(ranking.Measure == Core.Rankings.Measure.Level ? "level" : "growth")}"),
            QueryIterations, QueryBudget, "opt-in: a new version is seen up to 5 s later"));
        list.Add(target is null
            ? new BenchQuery("function GetTargets", false, 0, null, null, null, "no targets in the snapshot")
            : await Latency.MeasureAsync("function GetTargets", () => Call(functions.Targets, $"?zone={Uri.EscapeDataString(target.Zone)}&year={target.Year}"),
                QueryIterations, QueryBudget, $"{target.Zone} {target.Year}"));
        // A zone's series of the ranked indicator over every published period: the ranking's leader, a zone with data.
        var seriesZone = ranking.Entries.First().Zone;
        var seriesQuery = $"?zone={Uri.EscapeDataString(seriesZone)}&indicator={Uri.EscapeDataString(ranking.Indicator)}";
        list.Add(await Latency.MeasureAsync("function GetSeries", () => Call(functions.Series, seriesQuery),
            QueryIterations, QueryBudget, $"{seriesZone} · {ranking.Indicator}, {latest.Periods.Count} periods"));

        // The same reads over real HTTP: `fz serve`'s host on a free 127.0.0.1 port with the real worker behind it
        // (each request an InvocationRequest over gRPC and the request forwarded to the worker), on the run's storage.
        var rankingQuery = $"?period={month}&indicator={Uri.EscapeDataString(ranking.Indicator)}&group={Uri.EscapeDataString(ranking.Group)}&measure={(ranking.Measure == Core.Rankings.Measure.Level ? "level" : "growth")}";
        progress?.Invoke("HTTP: starting fz serve's host and the functions worker");
        await using var host = await FunctionsHost.StartAsync(isolated, new FunctionsHostOptions
        {
            Port = 0,
            Output = line => { if (line.StartsWith("fail", StringComparison.Ordinal) || line.StartsWith("crit", StringComparison.Ordinal)) progress?.Invoke(line); },
        }, ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        async Task Get(string path)
        {
            using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            if (!response.IsSuccessStatusCode || body.Length == 0)
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        }
        list.Add(await Latency.MeasureAsync("HTTP GET /api/rankings (fz serve)", () => Get("api/rankings" + rankingQuery),
            QueryIterations, QueryBudget, $"{http.BaseAddress!.Authority}; same ranking"));
        list.Add(await Latency.MeasureAsync("HTTP GET /api/series (fz serve)", () => Get("api/series" + seriesQuery),
            QueryIterations, QueryBudget, "same series"));
        list.Add(target is null
            ? new BenchQuery("HTTP GET /api/targets (fz serve)", false, 0, null, null, null, "no targets in the snapshot")
            : await Latency.MeasureAsync("HTTP GET /api/targets (fz serve)", () => Get($"api/targets?zone={Uri.EscapeDataString(target.Zone)}&year={target.Year}"),
                QueryIterations, QueryBudget, "same targets"));
        return list;
    }

    private static async Task<BenchMachine> MachineAsync(StorageClients clients, CancellationToken ct)
    {
        var server = "unknown";
        try
        {
            var props = await clients.Blobs.GetPropertiesAsync(ct);
            if (props.GetRawResponse().Headers.TryGetValue("Server", out var s)) server = s!;
        }
        catch (Azure.RequestFailedException) { }
        // What the GC may use: the machine's memory, or less under a heap limit (a container's, or DOTNET_GCHeapHardLimit).
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var physical = PhysicalMemoryBytes() ?? available;
        var host = clients.Tables.Uri.Host;
        var kind = host is "127.0.0.1" or "localhost" ? "local emulator" : host;
        return new BenchMachine(Environment.ProcessorCount, Math.Round(physical / 1024.0 / 1024 / 1024, 1), RuntimeInformation.OSDescription, Environment.Version.ToString(), kind, server)
        {
            GcHeapLimitMiB = available < physical * 0.9 ? Math.Round(available / 1024.0 / 1024) : null,
        };
    }

    /// <summary>MemTotal of /proc/meminfo (Linux); null elsewhere.</summary>
    private static long? PhysicalMemoryBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>Entities of the run written, read and dropped in a table of their own, so no timed pass meets cold code.</summary>
    private async Task WarmUpAsync(List<TableEntity> entities, StorageClients clients, CancellationToken ct)
    {
        var sample = StorageCeiling.Spread(entities, WarmUpEntities).ToList();
        var table = clients.Table("Warmup");
        var pass = new StorageCeiling(table, StorageCeiling.Parallelism(clients));
        var write = await pass.WriteAsync(sample, ct);
        await pass.ReadAsync(sample.Select(e => e.PartitionKey).Distinct(), ct);
        await table.DeleteAsync(ct);
        progress?.Invoke($"warm-up: {sample.Count:N0} entities written in {write.TotalSeconds:0.0} s, read, dropped (untimed)");
    }

    private async Task CleanUpAsync(StorageClients clients, string id)
    {
        try
        {
            await foreach (var t in clients.Tables.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {id} and TableName lt {id + "~"}")))
                await clients.Tables.DeleteTableAsync(t.Name);
            await foreach (var c in clients.Blobs.GetBlobContainersAsync(prefix: id + "-"))
                await clients.Blobs.DeleteBlobContainerAsync(c.Name);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException)
        {
            progress?.Invoke($"clean-up of {id}* failed: {e.Message.Split('\n')[0]}");
        }
    }
}
