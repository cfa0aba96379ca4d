using System.Text;
using FunctionsZone.Core.Domain;
using FunctionsZone.Bench.Generation;
using FunctionsZone.Core.History;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Imports;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>
/// Imports by any route, at the same moment, against a real Azurite (issue 31, items 4, 7 and 8): validation sees what it
/// guards, the audit trail chains, and an upload whose client goes away is written whole.
/// </summary>
public sealed class ImportIsolationTests
{
    private static readonly IngestOptions Options = new();
    private static InputFile Csv(string name, string rows) => new(name, Encoding.UTF8.GetBytes("zone,indicator,period,value,unit\n" + rows + "\n"));

    [Fact]
    public async Task A_part_and_its_whole_imported_at_the_same_moment_never_store_part_over_whole()
    {
        var s = new TestStorage();
        await s.RunSeedsAsync();
        // 东昌府区 2022-05: 固定资产投资 112.6, 技改投资 6.14. Alone, each file below passes: 100 ≤ 112.6 and 95 ≥ 6.14.
        var part = Csv("part.csv", "dongchangfu,tech_renovation_investment,2022-05,100,亿元");
        var whole = Csv("whole.csv", "dongchangfu,fixed_asset_investment,2022-05,95,亿元");

        // The part's import has validated and is about to write; the whole's import starts on another instance.
        var hook = TestHook.PauseAt(PipelineHook.IngestBeforeValues);
        var first = s.Pipeline(hook: hook).IngestAsync(part, Options);
        await hook.Reached.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var second = s.Pipeline().IngestAsync(whole, Options);
        // Unserialised, the whole validates against the stored part (6.14) and is written meanwhile.
        await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(3)));
        hook.Release();
        var (a, b) = (await first, await second);

        Assert.Equal(ImportStatus.Success, a.Status);
        Assert.Equal(ImportStatus.Error, b.Status);
        Assert.Contains(b.Findings, f => f.Code == "part-exceeds-whole");
        var stored = await StoredAsync(s, "dongchangfu", "2022-05");
        Assert.Equal((100m, 112.6m), (stored["tech_renovation_investment"], stored["fixed_asset_investment"]));
    }

    [Fact]
    public async Task Two_corrections_of_one_figure_at_the_same_moment_chain_in_its_history()
    {
        var s = new TestStorage();
        await s.RunSeedsAsync();
        // 聊城经开区 限额以上零售额 2022-05: 33.4 as the speech says; two offices correct it at once.
        var hook = TestHook.PauseAt(PipelineHook.IngestBeforeValues);
        var first = s.Pipeline(hook: hook).IngestAsync(Csv("fix-a.csv", "lc-etdz,retail_sales,2022-05,33.07,亿元"), Options);
        await hook.Reached.Task.WaitAsync(TimeSpan.FromSeconds(120));
        var second = s.Pipeline().IngestAsync(Csv("fix-b.csv", "lc-etdz,retail_sales,2022-05,33.01,亿元"), Options);
        await Task.WhenAny(second, Task.Delay(TimeSpan.FromSeconds(3)));
        hook.Release();
        Assert.Equal([ImportStatus.Success, ImportStatus.Success], [(await first).Status, (await second).Status]);

        var changes = await s.Get<IHistoryStore>().ReadAsync("lc-etdz", "retail_sales", Period.Parse("2022-05"));
        // Newest first: 33.07 → 33.01, then 33.4 → 33.07; never two changes from 33.4.
        Assert.Equal([(33.07m, 33.01m), (33.4m, 33.07m)], changes.Select(c => (c.OldValue!.Value, c.NewValue!.Value)).ToList());
    }

    [Fact]
    public async Task An_upload_whose_client_disconnects_mid_write_is_written_whole()
    {
        var s = new TestStorage(new Dictionary<string, string?> { ["FunctionsZone:FunctionKeys"] = "k" });
        var dir = GeneratedFolder.Write(new GeneratorOptions { Zones = 300, Indicators = 30, Months = 1, Seed = 7 }, "fz-abort-");
        try
        {
            var files = ImporterSet.InRunOrder(InputFile.FromFolder(dir));
            foreach (var f in files.Where(f => f.Kind != InputKind.Observations)) await s.Pipeline().IngestAsync(f, Options);
            var observations = files.Single(f => f.Kind == InputKind.Observations);
            await using var host = await TestHost.StartAsync(s.Configuration);

            // The client sends the whole file, then goes away once the import has begun to write (its summary is PENDING).
            using var abort = new CancellationTokenSource();
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/ingest?file={Uri.EscapeDataString(observations.Name)}")
            { Content = new ByteArrayContent(observations.Content) };
            request.Headers.Add("x-functions-key", "k");
            var sent = host.Http.SendAsync(request, abort.Token);
            var log = s.Get<ImportLogReader>();
            var pending = await WaitForAsync(async () => (await log.ListAsync(null)).FirstOrDefault(i => i.File == observations.Name && i.Status == "PENDING"));
            Assert.True(pending is not null, "the import never began to write:\n" + string.Join('\n', host.Output.TakeLast(20)));
            abort.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sent);

            // Left alone, the import ends (SUCCESS, or WARNING for the generated outliers), every figure of the file stored.
            var done = await WaitForAsync(async () => await log.GetAsync(pending!.ImportId) is { Status: not ImportStatus.Pending } x ? x : null);
            Assert.True(done is not null, "the import stayed PENDING after its client left:\n" + string.Join('\n', host.Output.TakeLast(20)));
            Assert.True(done!.Status is ImportStatus.Success or ImportStatus.Warning, $"{done.Status}");
            var rows = Encoding.UTF8.GetString(observations.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
            Assert.Equal(rows, done.Counts.Imported + done.Counts.Ignored);
            var store = s.Get<IObservationStore>();
            var stored = await store.ReadPeriodsAsync(await store.ListPeriodsAsync());
            Assert.Equal(done.Counts.Imported, stored.Count(o => o.ImportId == pending!.ImportId));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    private static async Task<T?> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < until)
        {
            if (await probe() is { } hit) return hit;
            await Task.Delay(50);
        }
        return null;
    }

    private static async Task<Dictionary<string, decimal>> StoredAsync(TestStorage s, string zone, string period)
    {
        var rows = await s.Get<IObservationStore>().ReadPeriodsAsync([Period.Parse(period)]);
        return rows.Where(o => o.Zone == zone && o.Value is not null).ToDictionary(o => o.Indicator, o => o.Value!.Value);
    }
}
