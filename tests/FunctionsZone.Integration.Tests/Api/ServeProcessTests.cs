using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>
/// `fz serve` as users run it: the fz executable in its own process, configured by environment variables, with the
/// FunctionsZone.Functions worker as its child process (as ps shows it), which goes when fz serve goes — stopped with
/// Ctrl+C or killed outright.
/// </summary>
public sealed class ServeProcessTests
{
    private const int SigInt = 2, SigKill = 9, SigTerm = 15;

    [Fact]
    public async Task Fz_serve_runs_the_worker_process_answers_the_seed_ranking_with_an_etag_gives_304_and_refuses_writes_without_a_key()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        await using var served = await FzServe.StartAsync(storage.Configuration, new() { ["FunctionsZone__FunctionKeys"] = "process-key" });

        // The route table and the worker's pid: a live child process running the function app's entry assembly.
        Assert.Contains("/api/rankings", served.Output);
        var commandLine = File.ReadAllText($"/proc/{served.WorkerPid}/cmdline").Replace('\0', ' ');
        Assert.Contains("FunctionsZone.Functions.dll", commandLine);
        Assert.Contains("--functions-uri http://127.0.0.1:", commandLine);
        Assert.Equal(served.Process.Id, ParentOf(served.WorkerPid));

        var http = served.Http;
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
        // A process started in the background inherits SIGINT ignored (as under CI's runner), and .NET keeps it so: there
        // SIGTERM, what a service manager sends, stands in for Ctrl+C.
        Assert.Equal(0, Kill(served.Process.Id, IgnoresSigInt(served.Process.Id) ? SigTerm : SigInt));
        // A wait, not a timing: on a loaded machine (the whole suite at once) the shutdown took over 30 s once.
        // HasExited, not WaitForExitAsync: that one also waits for the end of the redirected output, which any process
        // still holding the pipe can delay; what is asserted here is that fz serve itself ends.
        var exited = await Until(() => served.Process.HasExited, TimeSpan.FromSeconds(90));
        Assert.True(exited, "fz serve did not exit within 90 s of SIGINT; its output:\n" + served.Output);
        Assert.True(await GoneAsync(served.WorkerPid, TimeSpan.FromSeconds(10)), $"worker {served.WorkerPid} still running after fz serve stopped");
    }

    [Fact]
    public async Task A_worker_never_outlives_fz_serve_even_when_fz_serve_is_killed()
    {
        var storage = new TestStorage();
        await using var served = await FzServe.StartAsync(storage.Configuration, []);
        Assert.True(IsRunning(served.WorkerPid));
        Assert.Equal(0, Kill(served.Process.Id, SigKill));
        Assert.True(await GoneAsync(served.WorkerPid, TimeSpan.FromSeconds(10)), $"worker {served.WorkerPid} left behind by a killed fz serve");
    }

    private sealed class FzServe : IAsyncDisposable
    {
        public required Process Process { get; init; }
        public required HttpClient Http { get; init; }
        public required ConcurrentQueue<string> Printed { get; init; }
        /// <summary>What fz serve has printed so far (stdout and stderr).</summary>
        public string Output => string.Join('\n', Printed);
        public required int WorkerPid { get; init; }

        public static async Task<FzServe> StartAsync(IConfiguration configuration, Dictionary<string, string> extra)
        {
            var port = FreePort();
            var start = FzProcess.StartInfo(configuration, Path.GetTempPath(), "serve", "--port", port.ToString());
            foreach (var (k, v) in extra) start.Environment[k] = v;
            var process = Process.Start(start)!;
            var ready = new TaskCompletionSource();
            var printed = new ConcurrentQueue<string>();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                printed.Enqueue(e.Data);
                if (e.Data.Contains($"listening on http://127.0.0.1:{port}/")) ready.TrySetResult();
            };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) printed.Enqueue(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (ready.Task != await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(90))))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("fz serve did not start listening:\n" + string.Join('\n', printed));
            }
            var output = string.Join('\n', printed);
            return new FzServe
            {
                Process = process,
                Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") },
                Printed = printed,
                WorkerPid = int.Parse(Regex.Match(output, @"pid (\d+)").Groups[1].Value),
            };
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
            Process.Dispose();
        }
    }

    /// <summary>True when the process ignores SIGINT (bit 1 of SigIgn in /proc/{pid}/status).</summary>
    private static bool IgnoresSigInt(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (SigInt - 1))) != 0;
    }

    private static async Task<bool> Until(Func<bool> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > until) return false;
            await Task.Delay(100);
        }
        return true;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static int ParentOf(int pid) => int.Parse(File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Trim().Split(' ')[1]);

    /// <summary>Running and not a zombie (a reaped or exited process has no /proc entry, or state Z).</summary>
    private static bool IsRunning(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Trim()[0] != 'Z'; }
        catch (IOException) { return false; }
    }

    private static Task<bool> GoneAsync(int pid, TimeSpan within) => Until(() => !IsRunning(pid), within);

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
