using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>`fz serve` as users run it: the fz executable in its own process, configured by environment variables.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Fz_serve_answers_the_seed_ranking_with_an_etag_gives_304_and_refuses_writes_without_a_key()
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
            process.OutputDataReceived += (_, e) => { if (e.Data?.Contains("listening") == true) ready.TrySetResult(); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            Assert.Same(ready.Task, await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(60))));

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
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
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
