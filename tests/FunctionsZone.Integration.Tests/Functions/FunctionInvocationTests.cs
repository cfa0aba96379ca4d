using FunctionsZone.Core.Importers;
using System.Text;
using System.Text.Json;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Composition;
using FunctionsZone.Functions;
using FunctionsZone.Functions.Http;
using FunctionsZone.Functions.Timer;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionsZone.Integration.Tests.Functions;

/// <summary>The function classes invoked in process, as the worker invokes them: a real HttpRequest, a TimerInfo.</summary>
public sealed class FunctionInvocationTests
{
    private static ServiceProvider Services(TestStorage storage)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMvcCore().AddJsonOptions(_ => { });
        services.AddFunctionsZone(storage.Configuration).AddUploadGate();
        services.AddTransient<ReadFunctions>();
        services.AddTransient<WriteFunctions>();
        services.AddTransient<MonthlyPipelineTimer>();
        return services.BuildServiceProvider();
    }

    private static HttpRequest Request(IServiceProvider services, string method, string query, byte[]? body = null)
    {
        var ctx = new DefaultHttpContext { RequestServices = services };
        ctx.Request.Method = method;
        ctx.Request.QueryString = new QueryString(query);
        ctx.Response.Body = new MemoryStream();
        if (body is not null) { ctx.Request.Body = new MemoryStream(body); ctx.Request.ContentLength = body.Length; }
        return ctx.Request;
    }

    /// <summary>Executes the IActionResult into the response, as ASP.NET Core would, and returns status, content type and body.</summary>
    private static async Task<(int Status, string? ContentType, string Body)> Execute(HttpRequest request, Func<Task<IActionResult>> function)
    {
        var result = await AsWorker.InvokeAsync(function);
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        request.HttpContext.Response.Body.Position = 0;
        return (request.HttpContext.Response.StatusCode, request.HttpContext.Response.ContentType, await new StreamReader(request.HttpContext.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task Ingest_then_run_then_read_rankings_and_targets_over_http_functions()
    {
        var storage = new TestStorage();
        using var sp = Services(storage);
        var write = sp.GetRequiredService<WriteFunctions>();
        // The registry first, as the timer orders them: observations name zones and indicators.
        foreach (var file in ImporterSet.InRunOrder(TestStorage.SeedFiles()))
        {
            var req = Request(sp, "POST", $"?file={file.Name}", file.Content);
            var (status, _, body) = await Execute(req, () => write.Ingest(req, default));
            Assert.True(status == 200, $"{file.Name}: {status} {body}");
        }
        foreach (var period in new[] { "2021", "2021-05", "2022-04", "2022-05" })
        {
            var req = Request(sp, "POST", $"?period={period}");
            Assert.Equal(200, (await Execute(req, () => write.Recompute(req, default))).Status);
        }
        var pub = Request(sp, "POST", "");
        var (pubStatus, _, pubBody) = await Execute(pub, () => write.Publish(pub, default));
        Assert.Equal(200, pubStatus);
        Assert.Contains("\"published\":true", pubBody);

        var read = sp.GetRequiredService<ReadFunctions>();
        var rq = Request(sp, "GET", "?period=2022-05&indicator=" + Uri.EscapeDataString("一般公共预算收入") + "&group=" + Uri.EscapeDataString("聊城市"));
        var (rs, ct, rankings) = await Execute(rq, () => read.Rankings(rq));
        Assert.Equal(200, rs);
        Assert.StartsWith("application/json", ct);
        var entry = JsonDocument.Parse(rankings).RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("zone").GetString() == "lc-etdz");
        Assert.Equal((9.39m, 4), (entry.GetProperty("value").GetDecimal(), entry.GetProperty("rank").GetInt32()));

        var tq = Request(sp, "GET", "?zone=lc-etdz&year=2022&asOf=2022-05");
        var (ts, _, targets) = await Execute(tq, () => read.Targets(tq));
        Assert.Equal(200, ts);
        Assert.Contains(JsonDocument.Parse(targets).RootElement.EnumerateArray(), t => t.GetProperty("indicator").GetString() == "import_export" && t.GetProperty("status").GetString() == "on-track");

        var zq = Request(sp, "GET", "");
        var (_, _, zones) = await Execute(zq, () => read.Zones(zq));
        Assert.Contains("聊城经济技术开发区", zones);
    }

    [Fact]
    public async Task Bad_requests_get_problem_json_naming_the_problem()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        using var sp = Services(storage);
        var read = sp.GetRequiredService<ReadFunctions>();

        var unknown = Request(sp, "GET", "?period=2022-05&indicator=NoSuchIndicator&group=liaocheng-city");
        var (s1, ct1, b1) = await Execute(unknown, () => read.Rankings(unknown));
        Assert.Equal(404, s1);
        Assert.StartsWith("application/problem+json", ct1);
        Assert.Contains("Unknown indicator 'NoSuchIndicator'", JsonDocument.Parse(b1).RootElement.GetProperty("detail").GetString());

        var missing = Request(sp, "GET", "?period=2022-05");
        Assert.Equal(400, (await Execute(missing, () => read.Rankings(missing))).Status);

        var badPeriod = Request(sp, "GET", "?period=2022-13&indicator=fdi_utilised&group=liaocheng-city");
        var (s3, _, b3) = await Execute(badPeriod, () => read.Rankings(badPeriod));
        Assert.Equal(400, s3);
        Assert.Contains("2022-13", b3);

        var write = sp.GetRequiredService<WriteFunctions>();
        var bad = Request(sp, "POST", "?file=bad.csv", "zone,indicator,period,value\nnowhere,fdi_utilised,2022-05,1\n"u8.ToArray());
        var (s4, _, b4) = await Execute(bad, () => write.Ingest(bad, default));
        Assert.Equal(422, s4);
        Assert.Contains("\"status\":\"ERROR\"", b4);
        Assert.Contains("unknown-zone", b4);
    }

    [Fact]
    public async Task The_timer_ingests_the_incoming_container_and_files_each_input_away()
    {
        var storage = new TestStorage();
        using var sp = Services(storage);
        await storage.Clients.EnsureCreatedAsync();
        var incoming = storage.Clients.Container(storage.Clients.Options.IncomingContainer);
        foreach (var f in TestStorage.SeedFiles().Where(f => f.Name != "projects.csv" && f.Name != "enterprises.csv"))
            await incoming.UploadBlobAsync(f.Name, new BinaryData(f.Content));
        await incoming.UploadBlobAsync("broken.csv", new BinaryData("zone,indicator,period,value\nlc-etdz,nothing,2022-05,1\n"u8.ToArray()));

        var timer = sp.GetRequiredService<MonthlyPipelineTimer>();
        var run = await timer.Run(new TimerInfo(), default);

        Assert.NotNull(run.Snapshot);
        Assert.Contains("2022-05", run.Recomputed);
        var left = new List<string>();
        await foreach (var b in incoming.GetBlobsAsync()) left.Add(b.Name);
        Assert.Empty(left);
        var archived = new List<string>();
        await foreach (var b in storage.Clients.Container(storage.Clients.Options.ArchiveContainer).GetBlobsAsync()) archived.Add(b.Name);
        Assert.Contains(archived, n => n.EndsWith("/observations.csv"));
        var rejected = new List<string>();
        await foreach (var b in storage.Clients.Container(storage.Clients.Options.RejectedContainer).GetBlobsAsync()) rejected.Add(b.Name);
        Assert.Contains(rejected, n => n.EndsWith("/broken.csv"));
        Assert.Contains(rejected, n => n.EndsWith("/broken.csv.summary.json"));

        var ranking = await storage.Cli.Reader().RankingAsync("2022-05", "fdi_utilised", "liaocheng-city", Core.Rankings.Measure.Level);
        Assert.Equal(1, ranking.Entries.Single(e => e.Zone == "lc-etdz").Rank);
    }
}
