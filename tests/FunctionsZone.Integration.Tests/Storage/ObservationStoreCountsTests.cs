using Azure.Data.Tables;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Observations;
using Xunit;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Integration.Tests.Storage;

/// <summary>
/// The observation store skips reading partitions of a period it has never listed, and reads listed periods one
/// partition at a time: the counts (imported / updated / unchanged) and what is read back must not change for it.
/// </summary>
public sealed class ObservationStoreCountsTests
{
    private static List<Observation> Month(Period p, int zones, string[] indicators, decimal offset = 0) =>
        (from z in Enumerable.Range(1, zones)
         from i in indicators
         select new Observation { Zone = $"z{z:D3}", Indicator = i, Period = p, Value = z + offset, Source = "test" }).ToList();

    [Fact]
    public async Task New_periods_count_as_imported_and_rewrites_count_as_unchanged_or_updated()
    {
        var storage = new TestStorage();
        var store = new TableObservationStore(storage.Clients);
        var may = Period.OfMonth(2022, 5);
        var rows = Month(may, 250, ["a_one", "m_two", "synthetic_001", "synthetic_002"]);

        Assert.Equal(new WriteCounts(1000, 0, 0), await store.WriteAsync(rows, "i1"));
        Assert.Equal(new WriteCounts(0, 0, 1000), await store.WriteAsync(rows, "i2"));
        var changed = rows.Select((o, k) => k % 10 == 0 ? o with { Value = o.Value + 1 } : o).ToList();
        // A new indicator in a listed period is read first too: it is new, the rest unchanged or updated.
        changed.AddRange(Month(may, 250, ["x_three"]));
        Assert.Equal(new WriteCounts(250, 100, 900), await store.WriteAsync(changed, "i3"));

        var read = await store.ReadPeriodsAsync([may]);
        Assert.Equal(1250, read.Count);
        Assert.Equal(changed.OrderBy(o => o.Indicator).ThenBy(o => o.Zone).Select(o => (o.Zone, o.Indicator, o.Value)),
            read.OrderBy(o => o.Indicator).ThenBy(o => o.Zone).Select(o => (o.Zone, o.Indicator, o.Value)));
    }

    [Fact]
    public async Task A_period_written_before_partitions_were_listed_is_still_read_whole()
    {
        var storage = new TestStorage();
        var store = new TableObservationStore(storage.Clients);
        var june = Period.OfMonth(2022, 6);
        await store.WriteAsync(Month(june, 30, ["a_one", "k_two", "z_three"]), "i1");
        // As an older version left it: the period listed without the flag, and no partition list.
        var periods = storage.Clients.Table("Periods");
        await periods.UpsertEntityAsync(new TableEntity("period", june.ToString()), TableUpdateMode.Replace);
        await foreach (var e in periods.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"partitions|" + june}")))
            await periods.DeleteEntityAsync(e.PartitionKey, e.RowKey);

        Assert.Equal(90, (await store.ReadPeriodsAsync([june])).Count);
        Assert.Equal(new WriteCounts(0, 0, 90), await store.WriteAsync(Month(june, 30, ["a_one", "k_two", "z_three"]), "i2"));
    }

    [Fact]
    public async Task A_read_holds_each_repeated_text_once()
    {
        var storage = new TestStorage();
        var store = new TableObservationStore(storage.Clients);
        var may = Period.OfMonth(2022, 5);
        await store.WriteAsync(Month(may, 120, ["a_one", "m_two", "z_three"]).Select(o => o with { ImportId = "i1" }).ToList(), "i1");

        var read = await store.ReadPeriodsAsync([may]);
        Assert.Equal(360, read.Count);
        // The table hands back a new string per property per entity; the read keeps one of each (SharedStrings), so a
        // national month's 161,000 figures do not each carry their own copy of the source, import id and zone id.
        Assert.Single(read.Select(o => o.ImportId).Distinct(ReferenceEqualityComparer.Instance));
        Assert.Single(read.Select(o => o.Source).Distinct(ReferenceEqualityComparer.Instance));
        Assert.Equal(3, read.Select(o => o.Indicator).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal(120, read.Select(o => o.Zone).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.Equal("i1", read[0].ImportId);
    }
}
