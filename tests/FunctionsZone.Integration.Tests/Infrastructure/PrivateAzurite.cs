using System.Diagnostics;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>
/// An Azurite of one test's own, from .tools/azurite, that the test can stop at a chosen moment and start again on the
/// same ports and data folder — storage going down mid-run and coming back, as a fault-injection test needs.
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fz-fault-azurite-").FullName;
    private readonly int _blob = Azurite.FreePort(), _queue = Azurite.FreePort(), _table = Azurite.FreePort();
    private Process? _process;

    public string ConnectionString => Azurite.ConnectionStringFor(_blob, _queue, _table);

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
        while (!(Azurite.Listening(_blob) && Azurite.Listening(_table)))
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
        while (Azurite.Listening(_blob) || Azurite.Listening(_table)) await Task.Delay(50);
    }

    /// <summary>Starts it again on the same ports and data folder.</summary>
    public Task RestartAsync() => StartProcessAsync();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
