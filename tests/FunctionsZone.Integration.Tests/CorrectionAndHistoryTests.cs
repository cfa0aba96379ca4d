using System.Net;
using System.Text;
using System.Text.Json;
using FunctionsZone.Core.History;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Functions.Http;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Integration.Tests;

/// <summary>A correction a week later changes exactly the figures that differ, and each change keeps its old and new value.</summary>
public class CorrectionAndHistoryTests
{
    // lc-etdz 2022-05 as stored by the seeds: retail 33.4, FDI 2474, trade 20 (yoy 69.67), budget 9.39, FAI 38.4.
    private const string Correction = """
        开发区,指标,期间,数值,单位,同比
        聊城经济技术开发区,限额以上零售额,2022-05,33.6,亿元,
        聊城经济技术开发区,实际利用外资,2022-05,2474,万美元,
        聊城经济技术开发区,进出口总额,2022-05,20,亿元,71.2
        聊城经济技术开发区,一般公共预算收入,2022-05,93900,万元,
        聊城经济技术开发区,固定资产投资,2022-05,38.4,亿元,
        """;

    private static InputFile File(string name = "correction-2022-05.csv") => new(name, Encoding.UTF8.GetBytes(Correction));

    [Fact]
    public async Task A_correction_updates_exactly_the_changed_values_and_history_shows_old_and_new()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var before = await CorpusTests.StoredAsync(storage);

        // A dry run counts what the import would do and writes nothing.
        var dry = await pipeline.IngestAsync(File(), new IngestOptions { DryRun = true });
        Assert.Equal(new ImportCounts(0, 2, 3, 0), dry.Counts);
        Assert.Equal(before.Observations, (await CorpusTests.StoredAsync(storage)).Observations);

        var first = await pipeline.IngestAsync(File(), new IngestOptions());
        Assert.Equal(ImportStatus.Success, first.Status);
        Assert.Equal(new ImportCounts(0, 2, 3, 0), first.Counts);

        var after = await CorpusTests.StoredAsync(storage);
        var changed = before.Observations.Except(after.Observations).Select(s => string.Join('|', s.Split('|')[..3])).Order().ToList();
        Assert.Equal(["lc-etdz|import_export|2022-05", "lc-etdz|retail_sales|2022-05"], changed);
        Assert.Equal(2, after.History.Count);

        // History shows what is published: the next run publishes the correction.
        await pipeline.RunAsync([], new IngestOptions());
        var history = await storage.Get<HistoryQuery>().GetAsync("聊城经济技术开发区", "限额以上零售额", "2022-05");
        var change = Assert.Single(history.Changes);
        Assert.Equal((33.4m, 33.6m), (change.OldValue, change.NewValue));
        Assert.Equal(first.ImportId, change.ImportId);
        Assert.Equal("correction-2022-05.csv", change.SourceFile);
        Assert.Equal("observations.csv", change.OldSourceFile);
        Assert.Equal(33.6m, history.Current!.Value);
        var trade = Assert.Single((await storage.Get<HistoryQuery>().GetAsync("lc-etdz", "import_export", "2022-05")).Changes);
        Assert.Equal((69.67m, 71.2m, 20m, 20m), (trade.OldYoy, trade.NewYoy, trade.OldValue, trade.NewValue));

        // The same file again: nothing changes and no history is added.
        var again = await pipeline.IngestAsync(File(), new IngestOptions());
        Assert.Equal(new ImportCounts(0, 0, 5, 0), again.Counts);
        var afterAgain = await CorpusTests.StoredAsync(storage);
        Assert.Equal(after.Observations, afterAgain.Observations);
        Assert.Equal(after.History, afterAgain.History);

        // fz history, as JSON and as a table.
        var (exit, json) = await storage.FzAsync("history", "--zone", "lc-etdz", "--indicator", "retail_sales", "--period", "2022-05", "--json");
        Assert.Equal(0, exit);
        using (var doc = JsonDocument.Parse(json))
        {
            var c = doc.RootElement.GetProperty("changes")[0];
            Assert.Equal(33.4m, c.GetProperty("oldValue").GetDecimal());
            Assert.Equal(33.6m, c.GetProperty("newValue").GetDecimal());
            Assert.Equal(first.ImportId, c.GetProperty("importId").GetString());
            Assert.Equal(33.6m, doc.RootElement.GetProperty("current").GetProperty("value").GetDecimal());
        }
        var (_, text) = await storage.FzAsync("history", "--zone", "聊城经济技术开发区", "--indicator", "限额以上零售额", "--period", "2022-05");
        Assert.Contains("33.4", text);
        Assert.Contains("33.6", text);
        Assert.Contains(first.ImportId, text);

        // GET /api/history, a real request.
        var fn = new HistoryFunctions(storage.Get<HistoryQuery>());
        await using var host = await HttpFunctionHost.StartAsync(new Dictionary<string, Func<HttpRequest, CancellationToken, Task<IActionResult>>>
        {
            ["/api/history"] = fn.History,
        });
        var response = await host.Client.GetAsync("/api/history?zone=lc-etdz&indicator=retail_sales&period=2022-05");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonSerializer.Deserialize<ValueHistory>(await response.Content.ReadAsStringAsync(), Core.Json.Options)!;
        Assert.Equal((33.4m, 33.6m), (body.Changes[0].OldValue, body.Changes[0].NewValue));
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync("/api/history?zone=lc-etdz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/history?zone=火星&indicator=retail_sales&period=2022-05")).StatusCode);
    }

    [Fact]
    public async Task Back_and_forth_corrections_keep_every_step()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var b = new InputFile("b.csv", Encoding.UTF8.GetBytes("zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,35\n"));
        var a = new InputFile("a.csv", Encoding.UTF8.GetBytes("zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,33.4\n"));
        foreach (var f in new[] { b, a, b })
            Assert.Equal(1, (await pipeline.IngestAsync(f, new IngestOptions())).Counts.Updated);
        await pipeline.RunAsync([], new IngestOptions());
        var h = await storage.Get<HistoryQuery>().GetAsync("lc-etdz", "retail_sales", "2022-05");
        // Newest first: 33.4 → 35 (again), 35 → 33.4, 33.4 → 35. The repeat of b is a new step, not a retry.
        Assert.Equal([(33.4m, 35m), (35m, 33.4m), (33.4m, 35m)], h.Changes.Select(c => (c.OldValue!.Value, c.NewValue!.Value)).ToList());
    }

    /// <summary>Issue 32 item 5: fz history right after an import shows the correction, marked 未发布, not 无修改记录.</summary>
    [Fact]
    public async Task Fz_history_after_an_import_shows_the_change_marked_unpublished_until_a_publish()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        await pipeline.RunAsync([], new IngestOptions());
        var fix = await pipeline.IngestAsync(new InputFile("fix.csv", "zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,35\n"u8.ToArray()), new IngestOptions());
        Assert.Equal(1, fix.Counts.Updated);

        var (exit, zh) = await storage.FzAsync("history", "--zone", "lc-etdz", "--indicator", "retail_sales", "--period", "2022-05", "--lang", "zh");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("无修改记录", zh);
        var row = zh.Split('\n').Single(l => l.Contains(fix.ImportId) && l.Contains("33.4"));
        Assert.Contains("33.4", row);
        Assert.Contains("35", row);
        Assert.Contains("未发布", row);
        var (_, en) = await storage.FzAsync("history", "--zone", "lc-etdz", "--indicator", "retail_sales", "--period", "2022-05", "--lang", "en");
        Assert.Contains("not yet published", en.Split('\n').Single(l => l.Contains(fix.ImportId) && l.Contains("33.4")));
        var (_, json) = await storage.FzAsync("history", "--zone", "lc-etdz", "--indicator", "retail_sales", "--period", "2022-05", "--json");
        Assert.False(JsonDocument.Parse(json).RootElement.GetProperty("changes")[0].GetProperty("published").GetBoolean());

        // Published: the same change, now marked so.
        await pipeline.RunAsync([], new IngestOptions());
        var (_, after) = await storage.FzAsync("history", "--zone", "lc-etdz", "--indicator", "retail_sales", "--period", "2022-05", "--lang", "zh");
        var published = after.Split('\n').Single(l => l.Contains(fix.ImportId) && l.Contains("33.4"));
        Assert.Contains("已发布", published);
        Assert.DoesNotContain("未发布", after);
    }
}
