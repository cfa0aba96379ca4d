using Azure.Data.Tables;
using FunctionsZone.Core.Domain;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage;
using FunctionsZone.Storage.References;
using Xunit;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.Storage;

/// <summary>fzTargets keeps one entity per zone and year (docs/storage.md): counts per target, withdrawal, and rows of the older layout.</summary>
public sealed class TargetStorageTests
{
    private static Target T(string zone, string indicator, int year, decimal value) =>
        new() { Zone = zone, Indicator = indicator, Year = year, Kind = TargetKind.Cumulative, Value = value, Unit = "亿元" };

    [Fact]
    public async Task A_zone_year_is_one_entity_replaced_whole_and_counted_per_target()
    {
        var storage = new TestStorage();
        var store = storage.Get<TableReferenceStore>();
        var first = await store.SaveTargetsAsync([T("a", "gdp", 2022, 10), T("a", "fdi", 2022, 2), T("b", "gdp", 2022, 5), T("a", "gdp", 2023, 11)]);
        Assert.Equal(new WriteCountsView(4, 0, 0), View(first));

        var table = storage.Clients.Table("Targets");
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>()) rows.Add(e);
        Assert.Equal(["2022|a", "2022|b", "2023|a"], rows.Select(e => $"{e.PartitionKey}|{e.RowKey}").Order(StringComparer.Ordinal));

        // a's 2022 now lists gdp (changed) only: fdi is withdrawn; b and a's 2023 are not in the file and stay.
        var second = await store.SaveTargetsAsync([T("a", "gdp", 2022, 12)]);
        Assert.Equal(new WriteCountsView(0, 1, 0), View(second));
        var all = await store.LoadTargetsAsync();
        Assert.Equal(["a gdp 2022 12", "a gdp 2023 11", "b gdp 2022 5"],
            all.Select(t => $"{t.Zone} {t.Indicator} {t.Year} {t.Value}").Order(StringComparer.Ordinal));
        Assert.Equal(new WriteCountsView(0, 0, 1), View(await store.SaveTargetsAsync([T("a", "gdp", 2022, 12)])));
    }

    [Fact]
    public async Task Rows_of_the_older_layout_are_read_and_replaced_when_their_zone_year_is_written()
    {
        var storage = new TestStorage();
        await storage.Clients.EnsureCreatedAsync();
        var table = storage.Clients.Table("Targets");
        var json = System.Text.Json.JsonSerializer.Serialize(T("a", "gdp", 2021, 9), FunctionsZone.Core.Json.Options);
        await table.UpsertEntityAsync(new TableEntity("a|2021", "gdp") { ["Json"] = json });
        var store = storage.Get<TableReferenceStore>();
        Assert.Equal("a gdp 2021 9", Assert.Single(await store.LoadTargetsAsync()) is var t ? $"{t.Zone} {t.Indicator} {t.Year} {t.Value}" : "");

        Assert.Equal(new WriteCountsView(0, 0, 1), View(await store.SaveTargetsAsync([T("a", "gdp", 2021, 9)])));
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>()) rows.Add(e);
        Assert.Equal("2021|a", $"{Assert.Single(rows).PartitionKey}|{rows[0].RowKey}");
        Assert.Single(await store.LoadTargetsAsync());
    }

    private sealed record WriteCountsView(int Imported, int Updated, int Unchanged);
    private static WriteCountsView View(WriteCounts w) => new(w.Imported, w.Updated, w.Unchanged);
}

/// <summary>
/// Issue 30 items 5 and 6 through the pipeline on Azurite: a bureau's targets file with a growth and an amount target
/// for 固投 stores what its dry run counts; a zones.json whose alias resolves to two zones stores nothing.
/// </summary>
public sealed class TargetKindAndRegistryImportTests
{
    private static string Corpus(string file) => Path.Combine(Azurite.RepoRoot, "tests", "FunctionsZone.Core.Tests", "Corpus", "issue30", file);

    [Fact]
    public async Task Two_kinds_of_target_on_one_indicator_are_both_stored_and_the_dry_run_counts_them()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var file = new FunctionsZone.Core.Ingest.InputFile("targets.csv", File.ReadAllBytes(Corpus("targets-2022-every-kind.csv")));
        var dry = await pipeline.IngestAsync(file, new IngestOptions { DryRun = true });
        var real = await pipeline.IngestAsync(file, new IngestOptions());
        Assert.Empty(real.Findings);
        Assert.Equal(10, dry.Counts.Imported + dry.Counts.Updated + dry.Counts.Unchanged);
        Assert.Equal(10, real.Counts.Imported + real.Counts.Updated + real.Counts.Unchanged);
        var stored = (await storage.Get<TableReferenceStore>().LoadTargetsAsync()).Where(t => t is { Zone: "lc-etdz", Year: 2022 }).ToList();
        Assert.Equal(10, stored.Count);
        Assert.Equal([TargetKind.Cumulative, TargetKind.Growth], stored.Where(t => t.Indicator == "fixed_asset_investment").Select(t => t.Kind).Order());
    }

    [Fact]
    public async Task A_zones_file_with_an_alias_on_two_zones_is_refused_and_stores_nothing()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var file = new FunctionsZone.Core.Ingest.InputFile("zones.json", File.ReadAllBytes(Corpus("zones-colliding-aliases.json")));
        var summary = await pipeline.IngestAsync(file, new IngestOptions());
        Assert.NotEqual(ImportStatus.Success, summary.Status);
        var finding = Assert.Single(summary.Findings);
        Assert.Contains("nj-etdz", finding.Message);
        Assert.Contains("jn-etdz", finding.Message);
        var registry = await storage.Get<TableReferenceStore>().LoadRegistryAsync();
        Assert.NotNull(registry.FindZone("lc-etdz"));
        Assert.Null(registry.FindZone("nj-etdz"));
    }
}
