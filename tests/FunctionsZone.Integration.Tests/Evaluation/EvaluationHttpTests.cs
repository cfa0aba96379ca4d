using System.Net;
using System.Text.Json;
using FunctionsZone.Functions.Http;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FunctionsZone.Integration.Tests.Evaluation;

/// <summary>
/// GET /api/composite, /api/weakpoints, /api/whatif, /api/benchmarks over real HTTP: the function methods are mapped
/// on a Kestrel host (Core Tools cannot run here), fed the same seeded storage as fz, and must answer as fz does.
/// </summary>
public sealed class EvaluationHttpTests(SeededStorage seeded) : IClassFixture<SeededStorage>, IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddMvcCore();
        _app = builder.Build();
        var functions = new EvaluationFunctions(seeded.Storage.Cli.Reader());
        Map("/api/composite", functions.Composite);
        Map("/api/weakpoints", functions.WeakPoints);
        Map("/api/whatif", functions.WhatIf);
        Map("/api/benchmarks", functions.Benchmarks);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    private void Map(string route, Func<HttpRequest, Task<IActionResult>> function) =>
        _app!.MapGet(route, async (HttpContext ctx) =>
        {
            var result = await AsWorker.InvokeAsync(() => function(ctx.Request));
            await result.ExecuteResultAsync(new ActionContext(ctx, new RouteData(), new ActionDescriptor()));
        });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task<JsonElement> Get(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await _http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Composite_route_agrees_with_fz_composite()
    {
        var http = await Get("/api/composite?scheme=national&period=2021");
        var (_, cli) = await seeded.Storage.FzAsync("composite", "--scheme", "national", "--period", "2021", "--json");
        var fromCli = JsonDocument.Parse(cli).RootElement.EnumerateArray().ToDictionary(z => z.GetProperty("zone").GetString()!);
        var zones = http.GetProperty("zones").EnumerateArray().ToList();
        Assert.Equal(fromCli.Count, zones.Count);
        foreach (var z in zones)
        {
            var c = fromCli[z.GetProperty("zone").GetString()!];
            foreach (var f in new[] { "score", "rank", "medianRank", "rankP5", "rankP95" })
                Assert.Equal(c.GetProperty(f).GetDouble(), z.GetProperty(f).GetDouble());
        }
        Assert.Equal("national", http.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Whatif_weakpoints_and_benchmarks_routes()
    {
        var w = await Get("/api/whatif?zone=lc-etdz&indicator=rd_intensity&scheme=national&period=2021&places=2");
        Assert.Equal(2, w.GetProperty("places").GetInt32());
        var (_, cli) = await seeded.Storage.FzAsync("whatif", "--zone", "lc-etdz", "--indicator", "rd_intensity", "--scheme", "national", "--period", "2021", "--places", "2", "--json");
        Assert.Equal(JsonDocument.Parse(cli).RootElement.GetProperty("required").GetDouble(), w.GetProperty("required").GetDouble());

        var gains = await Get("/api/whatif?zone=lc-etdz&scheme=national&period=2021&improve=20");
        Assert.Equal(30, gains.GetArrayLength());

        var weak = await Get("/api/weakpoints?zone=聊城经济技术开发区&scheme=shandong&period=2021");
        Assert.Equal(13, weak.GetProperty("indicators").GetArrayLength());

        var b = await Get("/api/benchmarks?zone=lc-etdz&peer=zoucheng-edz&indicator=tax_per_mu&period=2021");
        Assert.Equal("1/5", b.GetProperty("fraction").GetString());
        var shares = await Get("/api/benchmarks?zone=yantai-etdz&period=2021");
        Assert.Contains(shares.EnumerateArray(), s => s.GetProperty("indicator").GetString() == "fdi_utilised" && s.GetProperty("sharePercent").GetDecimal() == 81.5m);
    }

    [Fact]
    public async Task Bad_requests_get_problem_details()
    {
        var missing = await Get("/api/composite?scheme=national", HttpStatusCode.BadRequest);
        Assert.Contains("period", missing.GetProperty("detail").GetString());
        var unknown = await Get("/api/composite?scheme=nope&period=2021", HttpStatusCode.NotFound);
        Assert.Equal("unknown-scheme", unknown.GetProperty("title").GetString());
        await Get("/api/whatif?zone=lc-etdz&indicator=no_such&scheme=national&period=2021", HttpStatusCode.NotFound);
        await Get("/api/composite?scheme=national&period=1999", HttpStatusCode.NotFound);
    }
}
