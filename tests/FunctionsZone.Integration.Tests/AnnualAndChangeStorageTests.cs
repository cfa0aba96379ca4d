using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests;

/// <summary>Issue 30: an annual table's figures and the change fields, as stored in Azurite and read back.</summary>
public class AnnualAndChangeStorageTests
{
    private static async Task<(TableObservationStore Store, ImportSummary Summary, MonthlyPipeline Pipeline)> IngestAsync(string corpusFile)
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var summary = await pipeline.IngestAsync(CorpusTests.Read(Path.Combine(CorpusTests.CorpusFolder, corpusFile)), new IngestOptions());
        return (new TableObservationStore(storage.Clients), summary, pipeline);
    }

    private static async Task<Observation> StoredAsync(TableObservationStore store, string indicator, string period) =>
        (await store.ReadPeriodsAsync([Period.Parse(period)])).Single(o => o.Zone == "lc-etdz" && o.Indicator == indicator);

    [Fact]
    public async Task An_annual_table_is_stored_as_the_years_figures()
    {
        var (store, summary, _) = await IngestAsync("annual-table-2022.csv");
        Assert.Equal(ImportStatus.Success, summary.Status);
        var fai = await StoredAsync(store, "fixed_asset_investment", "2022");
        Assert.Equal((92.3m, -9.0m), (fai.Value!.Value, fai.Yoy!.Value));
        Assert.Equal(21.6m, (await StoredAsync(store, "general_budget_revenue", "2022")).Value);
        // 规上工业增加值 is a growth rate: the table's growth column is its value.
        Assert.Equal(9.7m, (await StoredAsync(store, "industrial_va_growth", "2022")).Value);
    }

    [Fact]
    public async Task Changes_are_stored_beside_the_value_and_a_second_send_changes_nothing()
    {
        var (store, summary, pipeline) = await IngestAsync("changes-2022-05.csv");
        Assert.Equal(ImportStatus.Success, summary.Status);
        var share = await StoredAsync(store, "private_investment_share", "2022-05");
        Assert.Equal((85.6m, 0.7m, (decimal?)null, (decimal?)null), (share.Value!.Value, share.ChangePoints!.Value, share.Change, share.Yoy));
        var fai = await StoredAsync(store, "fixed_asset_investment", "2022-05");
        Assert.Equal((38.4m, 4.8m, (decimal?)null), (fai.Value!.Value, fai.Change!.Value, fai.ChangePoints));   // 48000 万元 = 4.8 亿元
        var again = await pipeline.IngestAsync(CorpusTests.Read(Path.Combine(CorpusTests.CorpusFolder, "changes-2022-05.csv")), new IngestOptions());
        Assert.Equal(new ImportCounts(0, 0, 2, 0), again.Counts);
    }
}
