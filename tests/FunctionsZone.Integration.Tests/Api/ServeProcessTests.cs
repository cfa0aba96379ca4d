using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>
/// `fz serve` as users run it: the fz executable in its own process, configured by environment variables, with the
/// FunctionsZone.Functions worker as its child process (as ps shows it), which goes when fz serve stops.
/// </summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Fz_serve_runs_the_worker_process_answers_the_seed_ranking_with_an_etag_gives_304_and_refuses_writes_without_a_key()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        var port = FreePort();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/{Debug|Release}/net10.0/
        var fz = Path.Combine(Azurite.RepoRoot, "src/FunctionsZone.Cli/bin", configuration, "net10.0/fz.dll");
        Assert.True(File.Exists(fz), $"{fz} not built");
        var start = new ProcessStartInfo("dotnet", ["exec", fz, "serve", "--port", port.ToString()])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var kv in storage.Configuration.AsEnumerable().Where(kv => kv.Value is not null))
            start.Environment[kv.Key.Replace(":", "__")] = kv.Value;
        start.Environment["FunctionsZone__FunctionKeys"] = "process-key";
        using var process = Process.Start(start)!;
        try
        {
            var ready = new TaskCompletionSource();
            var printed = new System.Collections.Concurrent.ConcurrentQueue<string>();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                printed.Enqueue(e.Data);
                if (e.Data.Contains($"listening on http://127.0.0.1:{port}/")) ready.TrySetResult();
            };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) printed.Enqueue(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            Assert.True(ready.Task == await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(90))), string.Join('\n', printed));

            // The route table and the worker's pid: a live process running the function app's entry assembly.
            var output = string.Join('\n', printed);
            Assert.Contains("/api/rankings", output);
            var workerPid = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"pid (\d+)").Groups[1].Value);
            Assert.NotEqual(process.Id, workerPid);
            var commandLine = File.ReadAllText($"/proc/{workerPid}/cmdline").Replace('\0', ' ');
            Assert.Contains("FunctionsZone.Functions.dll", commandLine);
            Assert.Contains("--functions-uri http://127.0.0.1:", commandLine);
            var parent = File.ReadAllText($"/proc/{workerPid}/stat").Split(')')[1].Trim().Split(' ')[1];
            Assert.Equal(process.Id.ToString(), parent);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var url = "api/rankings?period=2022-05&indicator=" + Uri.EscapeDataString("规上工业增加值增速") + "&group=" + Uri.EscapeDataString("聊城市");
            var res = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            var body = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
            Assert.Equal("liaocheng-city", body["group"]!.GetValue<string>());
            Assert.Contains(body["entries"]!.AsArray(), e => e!["zone"]!.GetValue<string>() == "lc-etdz" && e["rank"] is not null);

            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(res.Headers.ETag!.Tag));
            Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(again)).StatusCode);

            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("api/publish", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("api/publish?code=process-key", null)).StatusCode);

            // Stopped as Ctrl+C stops it, fz serve ends the worker with it.
            Assert.Equal(0, Kill(process.Id, 2));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var worker = TryGetProcess(workerPid);
            if (worker is not null) await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static Process? TryGetProcess(int pid)
    {
        try { return Process.GetProcessById(pid); }
        catch (ArgumentException) { return null; }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
