using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Functions.Http;
using FunctionsZone.Storage.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsZone.Bench;

/// <summary>The reads through the function classes in process, with real HttpRequests and each result executed as ASP.NET Core would.</summary>
public static class FunctionQueries
{
    public static async Task<IReadOnlyList<BenchQuery>> RunAsync(BenchRun run, SnapshotReader reader, QuerySubjects q)
    {
        var functions = new ReadFunctions(reader);
        // The same read with latest.json kept for 5 s (FunctionsZone__LatestCacheSeconds=5): the round trip it saves.
        var cached = new ReadFunctions(new SnapshotReader(new BlobSnapshotStore(run.Services.Clients), new SnapshotReaderOptions { LatestCacheSeconds = 5 }));
        var services = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();
        Task<BenchQuery> Measure(string name, Func<HttpRequest, Task<IActionResult>> function, string query, string? note) =>
            Latency.MeasureAsync(name, () => CallAsync(services, function, query), run.Settings.QueryIterations, run.Settings.QueryBudget, note);
        return
        [
            await Measure("function GetRankings", functions.Rankings, q.RankingQuery, q.RankingNote),
            await Measure("function GetRankings, latest cached 5 s", cached.Rankings, q.RankingQuery, "opt-in: a new version is seen up to 5 s later"),
            q.TargetQuery is null
                ? new BenchQuery("function GetTargets", false, 0, null, null, null, "no targets in the snapshot")
                : await Measure("function GetTargets", functions.Targets, q.TargetQuery, q.TargetNote),
            await Measure("function GetSeries", functions.Series, q.SeriesQuery, q.SeriesNote),
        ];
    }

    private static async Task CallAsync(IServiceProvider services, Func<HttpRequest, Task<IActionResult>> function, string query)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = "GET";
        http.Request.QueryString = new QueryString(query);
        http.Response.Body = new MemoryStream();
        var result = await function(http.Request);
        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new ActionDescriptor()));
        if (http.Response.StatusCode != 200 || http.Response.Body.Length == 0)
            throw new InvalidOperationException($"{query} answered {http.Response.StatusCode}");
    }
}
