using System.Net;
using FunctionsZone.Host.Metadata;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FunctionsZone.Integration.Tests.Host;

/// <summary>
/// fz serve's host with the real worker: every function functions.metadata lists is loaded by the worker, and the
/// timer fired through the admin route (an InvocationRequest with a TimerInfo) runs the pipeline in the worker —
/// the file waiting in "incoming" is imported and filed away, the app's log lines come back over RpcLog.
/// </summary>
public sealed class WorkerHostTests
{
    [Fact]
    public async Task The_worker_loads_every_function_in_functions_metadata_and_the_timer_runs_the_pipeline_on_storage()
    {
        var storage = new TestStorage(new Dictionary<string, string?> { ["FunctionsZone:MasterKey"] = "timer-test-key", ["PipelineSchedule"] = "0 30 6 * * *" });
        await storage.Clients.EnsureCreatedAsync();
        await using var served = await TestHost.StartAsync(storage.Configuration);

        var metadata = FunctionsMetadata.Load(served.Host.AppDirectory);
        Assert.True(metadata.Names.Count >= 20, string.Join(", ", metadata.Names));
        Assert.Equal(metadata.Names.Order(StringComparer.Ordinal), served.Host.LoadedFunctions.Order(StringComparer.Ordinal));
        Assert.True(served.Host.IsWorkerRunning);
        Assert.NotEqual(Environment.ProcessId, served.Host.WorkerProcessId);

        var incoming = storage.Clients.Container(storage.Clients.Options.IncomingContainer);
        foreach (var f in TestStorage.SeedFiles().Where(f => f.Name != "projects.csv" && f.Name != "enterprises.csv"))
            await incoming.UploadBlobAsync(f.Name, new BinaryData(f.Content));

        using var fire = new HttpRequestMessage(HttpMethod.Post, "admin/functions/MonthlyPipeline") { Headers = { { "x-functions-key", "timer-test-key" } } };
        var accepted = await served.Http.SendAsync(fire);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        // The run goes on after the 202: wait for its effect in storage.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        // The app's line comes on the worker's stdout (its console logger writes from a queue): it may follow "Executed".
        while (DateTime.UtcNow < deadline && !(served.Output.Any(l => l.Contains("Executed 'Functions.MonthlyPipeline'"))
                                               && served.Output.Any(l => l.Contains("MonthlyPipelineTimer: Recomputed"))))
            await Task.Delay(250);
        var output = string.Join('\n', served.Output);
        Assert.Contains("Executed 'Functions.MonthlyPipeline' (Succeeded", output);
        Assert.Contains("info: FunctionsZone.Functions.Timer.MonthlyPipelineTimer: Recomputed", output);

        var left = new List<string>();
        await foreach (var b in incoming.GetBlobsAsync()) left.Add(b.Name);
        Assert.Empty(left);
        var archived = new List<string>();
        await foreach (var b in storage.Clients.Container(storage.Clients.Options.ArchiveContainer).GetBlobsAsync()) archived.Add(b.Name);
        Assert.Contains(archived, n => n.EndsWith("/observations.csv"));
        var ranking = await storage.Cli.Reader().RankingAsync("2022-05", "fdi_utilised", "liaocheng-city", Core.Rankings.Measure.Level);
        Assert.Equal(1, ranking.Entries.Single(e => e.Zone == "lc-etdz").Rank);

        // --run-timer's way: the same invocation awaited, its return value the run. Nothing waits in "incoming" now.
        var again = await served.Host.RunTimerAsync("MonthlyPipeline");
        Assert.True(again.Succeeded, again.Error);
        // The worker serialises the return value with its own serializer options: read it without regard to case.
        var result = System.Text.Json.Nodes.JsonNode.Parse(again.ReturnValueJson!, new System.Text.Json.Nodes.JsonNodeOptions { PropertyNameCaseInsensitive = true })!;
        Assert.Empty(result["imports"]!.AsArray());
        Assert.NotNull(result["snapshot"]);
    }

    /// <summary>
    /// Issue 34: under the real host (telemetryMode OpenTelemetry) none of the worker's logs reach the host's console,
    /// so the worker shows its own: without APPLICATIONINSIGHTS_CONNECTION_STRING its log lines are on its stdout (which
    /// fz serve passes through; fz serve, as the host, prints no RpcLog); with one, they go to the exporter instead.
    /// </summary>
    [Fact]
    public async Task The_apps_log_lines_are_on_the_workers_own_stdout_when_no_exporter_is_set_and_not_when_one_is()
    {
        const string line = "info: FunctionsZone.Functions.Timer.MonthlyPipelineTimer: Recomputed";
        var storage = new TestStorage();
        await storage.RunSeedsAsync();

        await using (var served = await TestHost.StartAsync(storage.Configuration))
        {
            Assert.True((await served.Host.RunTimerAsync("MonthlyPipeline")).Succeeded);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline && !served.Output.Any(l => l.StartsWith(line, StringComparison.Ordinal))) await Task.Delay(100);
            Assert.Contains(served.Output, l => l.StartsWith(line, StringComparison.Ordinal));
        }

        // An exporter configured (to an endpoint that takes nothing): the lines are its, not the console's.
        var exporting = new ConfigurationBuilder().AddConfiguration(storage.Configuration).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/",
        }).Build();
        await using (var served = await TestHost.StartAsync(exporting))
        {
            Assert.True((await served.Host.RunTimerAsync("MonthlyPipeline")).Succeeded);
            await Task.Delay(2000);
            Assert.DoesNotContain(served.Output, l => l.Contains("MonthlyPipelineTimer", StringComparison.Ordinal));
        }
    }
}
