using FunctionsZone.Host;

namespace FunctionsZone.Bench;

/// <summary>
/// The same reads over real HTTP: `fz serve`'s host on a free 127.0.0.1 port with the real worker behind it (each
/// request an InvocationRequest over gRPC and the request forwarded to the worker), on the run's storage.
/// </summary>
public static class HttpQueries
{
    public static async Task<IReadOnlyList<BenchQuery>> RunAsync(BenchRun run, QuerySubjects q, CancellationToken ct)
    {
        run.Say("HTTP: starting fz serve's host and the functions worker");
        await using var host = await FunctionsHost.StartAsync(run.Services.Configuration, new FunctionsHostOptions
        {
            Port = 0,
            Output = line => { if (line.StartsWith("fail", StringComparison.Ordinal) || line.StartsWith("crit", StringComparison.Ordinal)) run.Say(line); },
        }, ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        Task<BenchQuery> Measure(string name, string path, string note) =>
            Latency.MeasureAsync(name, () => GetAsync(http, path, ct), run.Settings.QueryIterations, run.Settings.QueryBudget, note);
        return
        [
            await Measure("HTTP GET /api/rankings (fz serve)", "api/rankings" + q.RankingQuery, $"{http.BaseAddress!.Authority}; same ranking"),
            await Measure("HTTP GET /api/series (fz serve)", "api/series" + q.SeriesQuery, "same series"),
            q.TargetQuery is null
                ? new BenchQuery("HTTP GET /api/targets (fz serve)", false, 0, null, null, null, "no targets in the snapshot")
                : await Measure("HTTP GET /api/targets (fz serve)", "api/targets" + q.TargetQuery, "same targets"),
        ];
    }

    private static async Task GetAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode || body.Length == 0)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
    }
}
