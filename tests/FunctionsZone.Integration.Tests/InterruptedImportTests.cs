using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Text;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Imports;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Storage.References;
using FunctionsZone.Storage.Results;
using FunctionsZone.Storage.Snapshots;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests;

/// <summary>
/// The process stops between batches of a large correction; the retry (the file left in incoming/) ends with
/// exactly the corrected values, each stored once, and one history row per change.
/// </summary>
public class InterruptedImportTests
{
    /// <summary>Writes through to the real store in batches and "dies" after the given number of them.</summary>
    private sealed class StopsAfterBatches(IObservationStore inner, int batches, int batchSize) : IObservationStore
    {
        public async Task<WriteCounts> WriteAsync(IReadOnlyList<Observation> observations, string importId, CancellationToken ct = default)
        {
            var n = 0;
            foreach (var chunk in observations.Chunk(batchSize))
            {
                if (n++ == batches) throw new IOException("进程在批次之间停止 / the process stopped between batches");
                await inner.WriteAsync(chunk, importId, ct);
            }
            throw new InvalidOperationException("the test file is too small to be interrupted");
        }

        public Task<IReadOnlyList<Observation>> ReadPeriodsAsync(IEnumerable<Period> periods, CancellationToken ct = default) => inner.ReadPeriodsAsync(periods, ct);
        public Task<IReadOnlyList<Period>> ListPeriodsAsync(CancellationToken ct = default) => inner.ListPeriodsAsync(ct);
    }

    /// <summary>The registered pipeline's stores, but observations through one that dies after this many batches of 100.</summary>
    internal static MonthlyPipeline DyingPipeline(TestStorage storage, int batches) =>
        ActivatorUtilities.CreateInstance<MonthlyPipeline>(storage.Services,
            (IObservationStore)new StopsAfterBatches(storage.Get<TableObservationStore>(), batches, batchSize: 100));

    [Fact]
    public async Task A_retry_after_a_crash_between_batches_ends_with_exactly_the_right_values_and_no_duplicates()
    {
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var seeded = await CorpusTests.StoredAsync(storage);

        // Every seed figure corrected upwards by 1 (counts stay whole, order and part ≤ whole are kept: the rules pass).
        var seedLines = File.ReadAllLines(Path.Combine(TestStorage.SeedsFolder, "observations.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(c => c[3].Length > 0).ToList();
        var csv = new StringBuilder("zone,indicator,period,value,unit,yoy\n");
        foreach (var l in seedLines)
            csv.Append($"{l[0]},{l[1]},{l[2]},{(decimal.Parse(l[3], CultureInfo.InvariantCulture) + 1m).ToString(CultureInfo.InvariantCulture)},{l[4]},{l[5]}\n");
        var file = new InputFile("correction-all.csv", Encoding.UTF8.GetBytes(csv.ToString()));
        Assert.True(seedLines.Count > 250);

        var dying = DyingPipeline(storage, batches: 2);
        await Assert.ThrowsAsync<IOException>(() => dying.IngestAsync(file, new IngestOptions()));
        var midway = await CorpusTests.StoredAsync(storage);
        Assert.Equal(200, midway.History.Count);

        var retry = await storage.Pipeline().IngestAsync(file, new IngestOptions());
        Assert.Equal(ImportStatus.Success, retry.Status);
        Assert.Equal(new ImportCounts(0, seedLines.Count - 200, 200, 0), retry.Counts);

        var final = await CorpusTests.StoredAsync(storage);
        Assert.Equal(seeded.Observations.Count, final.Observations.Count);
        var expected = seedLines.Select(x => $"{x[0]}|{x[1]}|{x[2]}|{RowResolver.Canonical(decimal.Parse(x[3], CultureInfo.InvariantCulture) + 1m).ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, final.Observations.Select(s => string.Join('|', s.Split('|')[..4])).Order(StringComparer.Ordinal));
        // One history row per corrected figure: none lost, none twice.
        Assert.Equal(seedLines.Count, final.History.Count);
        Assert.Equal(seedLines.Count, final.History.Select(h => string.Join('|', h.Split('|')[..3])).Distinct().Count());

        // And the retry of the retry changes nothing.
        var third = await storage.Pipeline().IngestAsync(file, new IngestOptions());
        Assert.Equal(new ImportCounts(0, 0, seedLines.Count, 0), third.Counts);
        var fourth = await CorpusTests.StoredAsync(storage);
        Assert.Equal(final.Observations, fourth.Observations);
        Assert.Equal(final.History, fourth.History);

        // Validation's per-series summary holds exactly the stored figures (fzSeries).
        var store = storage.Get<TableObservationStore>();
        var stored = await store.ReadPeriodsAsync(await store.ListPeriodsAsync());
        var summary = await store.ReadSeriesAsync(stored.Select(o => (o.Zone, o.Indicator)).Distinct().ToList());
        Assert.Equal(stored.Where(o => o.Value is not null).Select(o => $"{o.Zone}|{o.Indicator}|{o.Period}|{o.Value}").Order(StringComparer.Ordinal),
            summary!.Select(o => $"{o.Zone}|{o.Indicator}|{o.Period}|{o.Value}").Order(StringComparer.Ordinal));
    }
}
