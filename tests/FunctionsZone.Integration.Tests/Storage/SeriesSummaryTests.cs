using FunctionsZone.Core.Importers;
using Azure.Data.Tables;
using FunctionsZone.Core.Domain;
using FunctionsZone.Bench.Generation;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Ingest.Validation;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage;
using FunctionsZone.Storage.Observations;
using Xunit;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Integration.Tests.Storage;

/// <summary>
/// fzSeries, the per-series summary validation reads (docs/storage.md): month 12's import reads what month 1's does (counted by
/// the clients' StorageTransactions policy), flags exactly the outliers reading the whole window flags, and follows corrections.
/// </summary>
public sealed class SeriesSummaryTests
{
    private static string Generate(int months) =>
        GeneratedFolder.Write(new GeneratorOptions { Zones = 24, Indicators = 8, Months = months, Seed = 3 }, "fz-series-");

    private static async Task IngestAllAsync(MonthlyPipeline pipeline, IEnumerable<InputFile> files)
    {
        foreach (var f in files) await pipeline.IngestAsync(f, new IngestOptions { MaxRows = int.MaxValue, MaxFileBytes = long.MaxValue });
    }

    /// <summary>The old way: every stored period the checks need, read whole, and the validator over them.</summary>
    private static async Task<SortedSet<int>> OutlierRowsReadingTheWindowAsync(TestStorage storage, InputFile file)
    {
        var store = storage.Get<TableObservationStore>();
        var registry = await storage.Get<IReferenceStore>().LoadRegistryAsync();
        var findings = new List<Finding>();
        var rows = new RowResolver(registry).Resolve(ObservationFileReader.Read(new FunctionsZone.Formats.CsvTableReader(), file, registry, findings), file.Name, findings);
        var rules = await storage.Pipeline().LoadValidationRulesAsync();
        var stored = await store.ReadPeriodsAsync(ObservationValidator.PeriodsToRead(rows, rules, await store.ListPeriodsAsync()));
        return new(new ObservationValidator(registry, rules).Validate(rows, stored).Where(f => f.Code == "outlier").Select(f => f.Row!.Value));
    }

    [Fact]
    public async Task Month_12_reads_what_month_1_reads_and_flags_the_outliers_the_whole_window_flags()
    {
        var storage = new TestStorage();
        var dir = Generate(12);
        try
        {
            var pipeline = storage.Pipeline();
            var tx = storage.Get<StorageTransactions>();
            var files = ImporterSet.InRunOrder(InputFile.FromFolder(dir)).ToList();
            var reads = new List<long>();
            var kinds = new List<StorageTransactionCounts>();
            var flagged = 0;
            foreach (var f in files)
            {
                var expected = f.Kind == InputKind.Observations ? await OutlierRowsReadingTheWindowAsync(storage, f) : null;
                var before = tx.Snapshot();
                var s = await pipeline.IngestAsync(f, new IngestOptions { MaxRows = int.MaxValue, MaxFileBytes = long.MaxValue });
                var made = tx.Snapshot() - before;
                Assert.NotEqual(ImportStatus.Error, s.Status);
                if (expected is null) continue;
                reads.Add(made.Reads);
                kinds.Add(made);
                var actual = new SortedSet<int>(s.Findings.Where(g => g.Code == "outlier").SelectMany(g => g.Rows));
                Assert.Equal(expected, actual);
                flagged += actual.Count;
            }
            Assert.Equal(12, reads.Count);
            Assert.True(flagged > 0, "the generated data has outliers, and some were flagged");
            // Every month the same reads: the summary's partitions, not the stored months.
            Assert.All(reads, r => Assert.True(r <= reads[0], $"reads per month: {string.Join(", ", reads)}; month 1 {kinds[0]}, month 2 {kinds[1]}"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task A_correction_updates_the_summary_and_the_summary_holds_exactly_the_stored_figures()
    {
        var storage = new TestStorage();
        var dir = Generate(4);
        try
        {
            var pipeline = storage.Pipeline();
            await IngestAllAsync(pipeline, ImporterSet.InRunOrder(InputFile.FromFolder(dir)));
            var store = storage.Get<TableObservationStore>();
            var stored = await store.ReadPeriodsAsync(await store.ListPeriodsAsync());
            var target = stored.First(o => o.Value is not null && o.Period == Period.OfMonth(2022, 2));
            // A correction of an earlier month: the figure changes, and the summary with it.
            var csv = $"zone,indicator,period,value\n{target.Zone},{target.Indicator},2022-02,{target.Value + 1}\n";
            var s = await pipeline.IngestAsync(new InputFile("correction.csv", System.Text.Encoding.UTF8.GetBytes(csv)), new IngestOptions { AllowPartial = true });
            Assert.Equal(1, s.Counts.Updated);

            stored = await store.ReadPeriodsAsync(await store.ListPeriodsAsync());
            var series = stored.Select(o => (o.Zone, o.Indicator)).Distinct().ToList();
            var summary = await store.ReadSeriesAsync(series);
            static string Key(Observation o) => $"{o.Zone}|{o.Indicator}|{o.Period}|{o.Value}";
            Assert.Equal(stored.Where(o => o.Value is not null).Select(Key).Order(StringComparer.Ordinal), summary!.Select(Key).Order(StringComparer.Ordinal));
            Assert.Contains(summary!, o => o.Zone == target.Zone && o.Indicator == target.Indicator && o.Period == target.Period && o.Value == target.Value + 1);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task A_summary_laid_out_in_another_bucket_count_is_rebuilt_by_the_next_write()
    {
        var storage = new TestStorage();
        var dir = Generate(3);
        try
        {
            var pipeline = storage.Pipeline();
            var files = ImporterSet.InRunOrder(InputFile.FromFolder(dir)).ToList();
            var last = files.Last(f => f.Kind == InputKind.Observations);
            await IngestAllAsync(pipeline, files.Where(f => f != last));
            // The layout before the count was written: indicator partitions of 64 buckets, and a complete mark without a count.
            var table = storage.Clients.Table("Series");
            await table.UpsertEntityAsync(new TableEntity("!meta", "complete"), TableUpdateMode.Replace);
            var store = storage.Get<TableObservationStore>();
            var indicator = (await store.ReadPeriodsAsync(await store.ListPeriodsAsync()))[0].Indicator;
            var stray = new TableEntity(indicator, "b40") { ["Json"] = "z99\t2022-01=1\n", ["Parts"] = 1 };
            await table.UpsertEntityAsync(stray, TableUpdateMode.Replace);
            var expected = await OutlierRowsReadingTheWindowAsync(storage, last);

            var s = await pipeline.IngestAsync(last, new IngestOptions { MaxRows = int.MaxValue, MaxFileBytes = long.MaxValue });
            Assert.NotEqual(ImportStatus.Error, s.Status);
            Assert.Equal(expected, new SortedSet<int>(s.Findings.Where(g => g.Code == "outlier").SelectMany(g => g.Rows)));
            var rows = new List<TableEntity>();
            await foreach (var e in table.QueryAsync<TableEntity>()) rows.Add(e);
            var mark = Assert.Single(rows, e => e.RowKey == "complete");
            Assert.Equal(SeriesSummary.Buckets, mark.GetInt32("Buckets"));
            var buckets = Enumerable.Range(0, SeriesSummary.Buckets).Select(i => $"b{i:D2}").ToHashSet();
            Assert.All(rows.Where(e => e.PartitionKey != "!meta"), e => Assert.Contains(e.PartitionKey, buckets));
            var stored = await store.ReadPeriodsAsync(await store.ListPeriodsAsync());
            var summary = await store.ReadSeriesAsync(stored.Select(o => (o.Zone, o.Indicator)).Distinct().ToList());
            static string Key(Observation o) => $"{o.Zone}|{o.Indicator}|{o.Period}|{o.Value}";
            Assert.Equal(stored.Where(o => o.Value is not null).Select(Key).Order(StringComparer.Ordinal), summary!.Select(Key).Order(StringComparer.Ordinal));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>
    /// The write starts from the partitions validation read. Between the two another writer (another host, its own store)
    /// changes the same figure; the write re-lays the figure it read as unchanged, so that series entity looks the same to
    /// it — and must still end as the figures stored, the later write's. With the read reused and the entity skipped, the
    /// summary would keep the other writer's figure: alone (every entity unchanged), or beside an entity the write does
    /// change (the same zone's figure of another indicator: same bucket, so the same batch).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_write_after_another_writer_changed_what_validation_read_still_leaves_the_summary_as_stored(bool withAnotherBucket)
    {
        var storage = new TestStorage();
        var dir = Generate(2);
        try
        {
            var pipeline = storage.Pipeline();
            await IngestAllAsync(pipeline, ImporterSet.InRunOrder(InputFile.FromFolder(dir)));
            var store = storage.Get<TableObservationStore>();
            var month = await store.ReadPeriodsAsync([Period.OfMonth(2022, 2)]);
            var target = month.First(o => o.Value is not null);
            var neighbour = month.First(o => o.Value is not null && o.Indicator != target.Indicator && SeriesSummary.Bucket(o.Zone) == SeriesSummary.Bucket(target.Zone));
            var series = new[] { (target.Zone, target.Indicator), (neighbour.Zone, neighbour.Indicator) };
            Assert.Contains(await store.ReadSeriesAsync(series) ?? [], o => o.Zone == target.Zone && o.Period == target.Period && o.Value == target.Value); // validation's read

            await new FunctionsZone.Cli.CliContext(storage.Configuration).Get<TableObservationStore>()
                .WriteAsync([target with { Value = target.Value + 1, ImportId = "other" }], "other");
            var later = new List<Observation> { target with { ImportId = "later" } };
            if (withAnotherBucket) later.Add(neighbour with { Value = neighbour.Value + 5, ImportId = "later" });
            await store.WriteAsync(later, "later");

            var fresh = new FunctionsZone.Cli.CliContext(storage.Configuration).Get<TableObservationStore>();
            var stored = (await fresh.ReadPeriodsAsync([target.Period])).Where(o => o.Value is not null).ToList();
            Assert.Equal(target.Value, stored.Single(o => o.Zone == target.Zone && o.Indicator == target.Indicator).Value);
            var summary = await fresh.ReadSeriesAsync(series);
            static string Key(Observation o) => $"{o.Zone}|{o.Indicator}|{o.Period}|{o.Value}";
            Assert.Equal(stored.Where(o => series.Contains((o.Zone, o.Indicator))).Select(Key).Order(StringComparer.Ordinal),
                summary!.Where(o => o.Period == target.Period).Select(Key).Order(StringComparer.Ordinal));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>A bucket's transaction stays under the service's 100 entities and 4 MiB: a national year of 60 indicators is ~3 MB.</summary>
    [Fact]
    public void A_bucket_write_is_cut_below_100_entities_and_4_MiB()
    {
        TableTransactionAction Action(int i, int chars)
        {
            var e = new TableEntity("b00", $"i{i:D3}");
            LongText.Write(e, new string('9', chars));
            return new TableTransactionAction(TableTransactionActionType.UpsertReplace, e);
        }
        Assert.Equal([100, 100, 50], SeriesSummary.Chunks(Enumerable.Range(0, 250).Select(i => Action(i, 10))).Select(c => c.Count));
        // 60 entities of 50,000 characters (~100 KB each as UTF-16): 6 MB in all, so more than one transaction, each under 4 MiB.
        var big = SeriesSummary.Chunks(Enumerable.Range(0, 60).Select(i => Action(i, 50_000))).ToList();
        Assert.True(big.Count > 1);
        Assert.All(big, c => Assert.True(c.Sum(a => 2L * 50_000) < 4L * 1024 * 1024));
        Assert.Equal(60, big.Sum(c => c.Count));
    }
}
