using System.Text;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Storage.Memory;

namespace FunctionsZone.Core.Tests.Pipeline;

/// <summary>
/// Issue 10 #3 and #4: a correction sent by any route reaches the next run's snapshot, and every period whose
/// results read the corrected one is recomputed. Pipeline logic, on storage in memory (moved from the Azurite suite).
/// </summary>
public sealed class DirtyPeriodTests
{
    private static async Task<SnapshotReader.RankingsDocument> RankingsAsync(MemoryStorage storage, string period)
    {
        var reader = storage.Reader();
        var latest = await reader.LatestAsync();
        return (await reader.ReadAsync<SnapshotReader.RankingsDocument>(latest, SnapshotLayout.Rankings(period)))!;
    }

    [Fact]
    public async Task A_correction_ingested_over_HTTP_or_the_CLI_is_in_the_next_timer_runs_snapshot()
    {
        var storage = await MemoryPipeline.SeededAsync();
        // fz ingest / POST /api/ingest: an import outside any run.
        var fix = new InputFile("fix.csv", "zone,indicator,period,value,unit\nlc-etdz,general_budget_revenue,2022-05,12.5,亿元\n"u8.ToArray());
        Assert.Equal(ImportStatus.Success, (await storage.Pipeline().IngestAsync(fix, new IngestOptions())).Status);

        // The timer finds nothing in incoming/, and still recomputes what the correction made stale.
        var run = await storage.Pipeline().RunAsync([], new IngestOptions());
        Assert.Contains("2022-05", run.Recomputed);
        var ranking = (await RankingsAsync(storage, "2022-05")).Rankings
            .First(r => r.Indicator == "general_budget_revenue" && r.Measure == Measure.Level);
        Assert.Equal(12.5m, ranking.Entries.Single(e => e.Zone == "lc-etdz").Value);

        // Published once: the run after that has nothing left to do.
        var again = await storage.Pipeline().RunAsync([], new IngestOptions());
        Assert.Empty(again.Recomputed);
        Assert.Equal(run.Snapshot!.Version, again.Snapshot!.Version);
    }

    [Fact]
    public async Task A_correction_of_2021_04_recomputes_2022_05_whose_move_is_against_2022_04()
    {
        var storage = await MemoryPipeline.SeededAsync();
        // 2021-04 FDI for every zone gives 2022-04 a computed growth ranking; 2022-05's move is against it.
        var zones = new[] { "gaotang", "linqing", "chiping", "jiangbei-resort", "lc-etdz", "dongchangfu", "guanxian", "shenxian", "donge", "yanggu", "lc-hitech" };
        var csv = new StringBuilder("zone,indicator,period,value,unit\n");
        for (var i = 0; i < zones.Length; i++) csv.Append($"{zones[i]},fdi_utilised,2021-04,{20 + 9 * i},万美元\n");
        var file = new InputFile("fdi-2021-04.csv", Encoding.UTF8.GetBytes(csv.ToString()));

        var run = await storage.Pipeline().RunAsync([file], new IngestOptions());
        Assert.Contains("2022-05", run.Recomputed);

        var april = (await RankingsAsync(storage, "2022-04")).Rankings.Single(r => r.Indicator == "fdi_utilised" && r.Group == "liaocheng-city" && r.Measure == Measure.Growth);
        var may = (await RankingsAsync(storage, "2022-05")).Rankings.Single(r => r.Indicator == "fdi_utilised" && r.Group == "liaocheng-city" && r.Measure == Measure.Growth);
        Assert.Contains(april.Entries, e => e.Rank is not null);
        // Every move of May is against the April ranks published beside it.
        foreach (var e in may.Entries.Where(e => e.Rank is not null))
            Assert.Equal(april.Entries.Single(a => a.Zone == e.Zone).Rank, e.PreviousRank);
    }

    [Fact]
    public void Recompute_reads_and_the_dirty_closure_come_from_one_definition()
    {
        var p = Period.Parse("2022-05");
        foreach (var read in PeriodDependencies.Reads(p))
            Assert.Contains(p, PeriodDependencies.ReadersOf([read], [p]));
        var readers = PeriodDependencies.ReadersOf([Period.Parse("2021-04")],
            new[] { "2021-04", "2021-05", "2022-04", "2022-05", "2022-06", "2023-04", "2023-05", "2021" }.Select(Period.Parse));
        Assert.Equal(["2021-04", "2021-05", "2022-04", "2022-05", "2023-04"], readers.Select(r => r.ToString()));
    }
}
