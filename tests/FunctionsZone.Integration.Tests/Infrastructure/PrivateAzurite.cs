using System.Diagnostics;
using System.Net.Sockets;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>
/// An Azurite of one test's own, from .tools/azurite, that the test can stop at a chosen moment and start again on the
/// same ports and data folder — storage going down mid-run and coming back, as a fault-injection test needs.
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fz-fault-azurite-").FullName;
    private readonly int _blob = FreePort(), _queue = FreePort(), _table = FreePort();
    private Process? _process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Reliability.BlobNameTests.AccountKey};BlobEndpoint=http://127.0.0.1:{_blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_table}/devstoreaccount1;";

    public static async Task<PrivateAzurite> StartAsync()
    {
        var a = new PrivateAzurite();
        await a.StartProcessAsync();
        return a;
    }

    private async Task StartProcessAsync()
    {
        var bin = Path.Combine(Azurite.RepoRoot, ".tools/azurite/node_modules/.bin/azurite");
        if (!File.Exists(bin)) throw new InvalidOperationException("Azurite is not installed: run ./scripts/test.sh once (it installs Azurite from npm)");
        _process = Process.Start(new ProcessStartInfo(bin,
            $"--silent --skipApiVersionCheck --loose --disableProductStyleUrl --location {_dir} --blobHost 127.0.0.1 --blobPort {_blob} --queueHost 127.0.0.1 --queuePort {_queue} --tableHost 127.0.0.1 --tablePort {_table}")
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(Listening(_blob) && Listening(_table)))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited) throw new InvalidOperationException("the private Azurite did not start");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops Azurite as a crash of the storage service would (SIGTERM, so what it acknowledged is on disk), and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        using (var kill = Process.Start(new ProcessStartInfo("kill", $"-TERM {_process.Id}") { UseShellExecute = false })!) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { _process.Kill(); await _process.WaitForExitAsync(); }
        while (Listening(_blob) || Listening(_table)) await Task.Delay(50);
    }

    /// <summary>Starts it again on the same ports and data folder.</summary>
    public Task RestartAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static int FreePort()
    {
        var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static bool Listening(int port)
    {
        try { using var c = new TcpClient(); c.Connect("127.0.0.1", port); return true; }
        catch (SocketException) { return false; }
    }
}
