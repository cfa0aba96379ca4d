using System.Net;
using System.Text.Json;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Functions.Http;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Incoming;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests;

/// <summary>fz ingest --json: status, counts, findings with code, severity, rows, message, zone, indicator, period; exit 2 on ERROR.</summary>
public class FzIngestJsonTests
{
    private static string Corpus(string name) => Path.Combine(CorpusTests.CorpusFolder, name);

    [Fact]
    public async Task A_rejected_file_prints_its_summary_as_json_and_exits_non_zero()
    {
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var (exit, output) = await storage.FzAsync("ingest", Corpus("range-rules.csv"), "--json");
        Assert.Equal(2, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("ERROR", root.GetProperty("status").GetString());
        var counts = root.GetProperty("counts");
        foreach (var name in new[] { "imported", "updated", "unchanged", "ignored" }) Assert.Equal(JsonValueKind.Number, counts.GetProperty(name).ValueKind);
        Assert.Equal(5, counts.GetProperty("ignored").GetInt32());
        var share = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "range-above-max");
        Assert.Equal("error", share.GetProperty("severity").GetString());
        Assert.Equal([2], share.GetProperty("rows").EnumerateArray().Select(r => r.GetInt32()));
        Assert.Equal("lc-etdz", share.GetProperty("zone").GetString());
        Assert.Equal("private_investment_share", share.GetProperty("indicator").GetString());
        Assert.Equal("2022-05", share.GetProperty("period").GetString());
        Assert.Contains("占比", share.GetProperty("message").GetString());
        Assert.Contains("share", share.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Dry_run_and_encoding_override()
    {
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var gbk = Corpus("gbk-chinese-headers.csv");

        // Read as UTF-8 on purpose, the GBK bytes are garbage: the file is refused, nothing is stored.
        var (wrong, _) = await storage.FzAsync("ingest", gbk, "--encoding", "utf-8", "--json");
        Assert.Equal(2, wrong);
        var (right, output) = await storage.FzAsync("ingest", gbk, "--encoding", "gbk", "--dry-run", "--json");
        Assert.Equal(0, right);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("SUCCESS", doc.RootElement.GetProperty("status").GetString());
        Assert.True(doc.RootElement.GetProperty("dryRun").GetBoolean());
        // The same figures as the seeds: a dry run counts them as the import would, unchanged.
        Assert.Equal(2, doc.RootElement.GetProperty("counts").GetProperty("unchanged").GetInt32());
        Assert.Equal(0, doc.RootElement.GetProperty("counts").GetProperty("imported").GetInt32());

        var (bad, _) = await storage.FzAsync("ingest", gbk, "--encoding", "klingon");
        Assert.Equal(1, bad);

        var (ok, text) = await storage.FzAsync("ingest", Corpus("wide-zone-columns.csv"), "--lang", "en");
        Assert.Equal(0, ok);
        Assert.Contains("WARNING", text);
        Assert.Contains("missing-value", text);
    }

    [Fact]
    public async Task Post_ingest_takes_an_encoding_parameter()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var fn = new WriteFunctions(pipeline, new DropFolder(storage.Clients), new IngestOptions(), new UploadGate(new UploadGateOptions()));
        await using var host = await HttpFunctionHost.StartAsync(new Dictionary<string, Func<HttpRequest, CancellationToken, Task<IActionResult>>>
        {
            ["POST /api/ingest"] = fn.Ingest,
        });
        var gbk = File.ReadAllBytes(Corpus("gbk-chinese-headers.csv"));
        var wrong = await host.Client.PostAsync("/api/ingest?file=gbk.csv&encoding=utf-8&dryRun=true", new ByteArrayContent(gbk));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("undecodable-text", await wrong.Content.ReadAsStringAsync());
        var right = await host.Client.PostAsync("/api/ingest?file=gbk.csv&encoding=gbk&dryRun=true", new ByteArrayContent(gbk));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        using var doc = JsonDocument.Parse(await right.Content.ReadAsStringAsync());
        Assert.Equal("SUCCESS", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal("gb18030", doc.RootElement.GetProperty("encoding").GetString());
        var unknown = await host.Client.PostAsync("/api/ingest?file=gbk.csv&encoding=klingon", new ByteArrayContent(gbk));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
