using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace FunctionsZone.Browser.Tests.Infrastructure;

/// <summary>`fz serve` as users run it — the fz executable in its own process on a free port, over the test's storage.</summary>
public sealed class FzServe : IAsyncDisposable
{
    private readonly Process _process;
    public Uri BaseAddress { get; }
    public string Output => _log.ToString();
    private readonly System.Text.StringBuilder _log = new();

    private FzServe(Process process, Uri baseAddress) { _process = process; BaseAddress = baseAddress; }

    public static async Task<FzServe> StartAsync(TestStorage storage, string functionKey)
    {
        var port = FreePort();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/{Debug|Release}/net10.0/
        var fz = Path.Combine(Azurite.RepoRoot, "src/FunctionsZone.Cli/bin", configuration, "net10.0/fz.dll");
        if (!File.Exists(fz)) throw new InvalidOperationException($"{fz} not built");
        var start = new ProcessStartInfo("dotnet", ["exec", fz, "serve", "--port", port.ToString()])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Azurite.RepoRoot,
        };
        foreach (var kv in storage.Configuration.AsEnumerable().Where(kv => kv.Value is not null))
            start.Environment[kv.Key.Replace(":", "__")] = kv.Value;
        start.Environment["FunctionsZone__FunctionKeys"] = functionKey;
        var process = Process.Start(start)!;
        var serve = new FzServe(process, new Uri($"http://127.0.0.1:{port}/"));
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { lock (serve._log) serve._log.AppendLine(e.Data); if (e.Data?.Contains("listening") == true) ready.TrySetResult(); };
        process.ErrorDataReceived += (_, e) => { lock (serve._log) serve._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(90)), process.WaitForExitAsync()) != ready.Task)
        {
            await serve.DisposeAsync();
            throw new InvalidOperationException("fz serve did not start:\n" + serve.Output);
        }
        return serve;
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
