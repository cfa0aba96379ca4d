using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.Pipeline;

public sealed class PipelineRunTests
{
    [Fact]
    public async Task Running_twice_changes_nothing_and_publishes_nothing_new()
    {
        var storage = new TestStorage();
        var first = await storage.RunSeedsAsync();
        var second = await storage.RunSeedsAsync();
        var observations = second.Imports.Single(s => s.File == "observations.csv");
        Assert.Equal(0, observations.Counts.Imported + observations.Counts.Updated);
        Assert.Equal(first.Imports.Single(s => s.File == "observations.csv").Counts.Imported, observations.Counts.Unchanged);
        Assert.Empty(second.Recomputed);
        Assert.Equal(first.Snapshot!.Version, second.Snapshot!.Version);
    }

    [Fact]
    public async Task A_file_with_an_error_changes_no_stored_value_unless_partial_is_allowed()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        var pipeline = storage.Pipeline();
        var bad = new InputFile("fix.csv", "zone,indicator,period,value\nlc-etdz,general_budget_revenue,2022-05,10.5\nnowhere,general_budget_revenue,2022-05,1\n"u8.ToArray());

        var rejected = await pipeline.IngestAsync(bad, new IngestOptions());
        Assert.Equal(ImportStatus.Error, rejected.Status);
        Assert.Equal([3], rejected.Findings.Single(f => f.Code == "unknown-zone").Rows);
        Assert.Equal(9.39m, await StoredValue(storage, "lc-etdz", "general_budget_revenue", "2022-05"));

        var dry = await pipeline.IngestAsync(bad, new IngestOptions { DryRun = true, AllowPartial = true });
        // A dry run counts what the import would do: the valid row changes a stored value, so it is an update.
        Assert.Equal((0, 1), (dry.Counts.Imported, dry.Counts.Updated));
        Assert.Equal(9.39m, await StoredValue(storage, "lc-etdz", "general_budget_revenue", "2022-05"));

        var partial = await pipeline.IngestAsync(bad, new IngestOptions { AllowPartial = true });
        Assert.Equal((0, 1, 1), (partial.Counts.Imported, partial.Counts.Updated, partial.Counts.Ignored));
        Assert.Equal(10.5m, await StoredValue(storage, "lc-etdz", "general_budget_revenue", "2022-05"));
    }

    [Fact]
    public async Task More_rows_than_one_transaction_are_written_in_batches_and_read_back()
    {
        var storage = new TestStorage();
        var store = new FunctionsZone.Storage.Observations.TableObservationStore(storage.Clients);
        var period = Core.Domain.Period.Parse("2030-01");
        var rows = Enumerable.Range(0, 250).Select(i => new Core.Domain.Observation { Zone = $"z{i:D3}", Indicator = "x", Period = period, Value = i }).ToList();
        var counts = await store.WriteAsync(rows, "test");
        Assert.Equal(new WriteCounts(250, 0, 0), counts);
        var back = await store.ReadPeriodsAsync([period]);
        Assert.Equal(250, back.Count);
        Assert.Equal(Enumerable.Range(0, 250).Sum(), back.Sum(o => o.Value!.Value));
        Assert.Equal(new WriteCounts(0, 0, 250), await store.WriteAsync(rows, "again"));
    }

    [Fact]
    public async Task A_correction_without_a_growth_figure_keeps_the_stored_one()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        var pipeline = storage.Pipeline();
        // tech_renovation_investment 2022-05 is 4.71 with 同比 10.2 in the seeds.
        var fix = await pipeline.IngestAsync(new InputFile("fix.csv", "zone,indicator,period,value\nlc-etdz,tech_renovation_investment,2022-05,4.75\n"u8.ToArray()), new IngestOptions());
        Assert.Equal(1, fix.Counts.Updated);
        var stored = (await new FunctionsZone.Storage.Observations.TableObservationStore(storage.Clients).ReadPeriodsAsync([Core.Domain.Period.Parse("2022-05")]))
            .Single(o => o.Zone == "lc-etdz" && o.Indicator == "tech_renovation_investment");
        Assert.Equal((4.75m, 10.2m), (stored.Value!.Value, stored.Yoy!.Value));
        var again = await pipeline.IngestAsync(new InputFile("fix-again.csv", "zone,indicator,period,value\nlc-etdz,tech_renovation_investment,2022-05,4.75\n"u8.ToArray()), new IngestOptions());
        Assert.Equal(1, again.Counts.Unchanged);
    }

    private static async Task<decimal?> StoredValue(TestStorage storage, string zone, string indicator, string period)
    {
        var all = await new FunctionsZone.Storage.Observations.TableObservationStore(storage.Clients).ReadPeriodsAsync([Core.Domain.Period.Parse(period)]);
        return all.Single(o => o.Zone == zone && o.Indicator == indicator).Value;
    }
}
