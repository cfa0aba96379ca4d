using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace FunctionsZone.Host.WorkerProcess;

/// <summary>
/// The function app in its own process, started as the Functions host starts a dotnet-isolated worker:
/// <c>dotnet FunctionsZone.Functions.dll --host 127.0.0.1 --port P --workerId … --requestId … --grpcMaxMessageLength …
/// --functions-uri http://127.0.0.1:P/ --functions-worker-id … --functions-request-id … --functions-grpc-max-message-length …</c>
/// with FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_APPLICATION_DIRECTORY, FUNCTIONS_WORKER_DIRECTORY and the app settings in
/// its environment (a:b as a__b). Its stdout and stderr are passed through line by line. On Linux it is started
/// through setpriv --pdeathsig KILL from a thread that lives as long as the host, so the worker dies with fz serve
/// however fz serve ends (even kill -9), never left behind holding its port.
/// </summary>
public sealed class FunctionsWorkerProcess : IAsyncDisposable
{
    public const int GrpcMaxMessageLength = int.MaxValue;

    private const string SetPriv = "/usr/bin/setpriv";

    private readonly Process _process;
    private readonly ManualResetEventSlim _release;

    private FunctionsWorkerProcess(Process process, ManualResetEventSlim release, string workerId)
    {
        _process = process;
        _release = release;
        WorkerId = workerId;
    }

    public string WorkerId { get; }
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;
    public Task WaitForExitAsync(CancellationToken ct = default) => _process.WaitForExitAsync(ct);

    public static FunctionsWorkerProcess Start(string appDirectory, int grpcPort, IConfiguration appSettings, Action<string> output)
    {
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var port = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var maxLength = GrpcMaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The host's two spellings of the same four values: the classic ones and the --functions-* ones that the
        // 2.x worker reads (as Functions:Worker:HostEndpoint, WorkerId, RequestId, GrpcMaxMessageLength).
        var start = new ProcessStartInfo("dotnet",
        [
            Path.Combine(appDirectory, WorkerDirectory.EntryAssembly),
            "--host", "127.0.0.1", "--port", port, "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxLength,
            "--functions-uri", $"http://127.0.0.1:{port}/", "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", maxLength,
        ])
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in appSettings.AsEnumerable())
            if (value is not null && !key.Contains('$')) start.Environment[key.Replace(":", "__")] = value;
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory;
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory;
        start.Environment["AzureWebJobsScriptRoot"] = appDirectory;
        // The worker's own Kestrel (its HttpUri) must not pick up a URL meant for fz serve.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_HTTP_PORTS");

        if (OperatingSystem.IsLinux() && File.Exists(SetPriv))
        {
            string[] command = [start.FileName, .. start.ArgumentList];
            start.FileName = SetPriv;
            start.ArgumentList.Clear();
            foreach (var a in (string[])["--pdeathsig", "KILL", "--", .. command]) start.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output(e.Data); };
        var release = StartFromOwnThread(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new FunctionsWorkerProcess(process, release, workerId);
    }

    /// <summary>
    /// The parent-death signal follows the thread that forked the child, so that thread must outlive the worker:
    /// a thread of its own, waiting until the worker is stopped (a pool thread could retire and take the worker along).
    /// </summary>
    private static ManualResetEventSlim StartFromOwnThread(Process process)
    {
        var release = new ManualResetEventSlim();
        var started = new TaskCompletionSource();
        var parent = new Thread(() =>
        {
            try { process.Start(); }
            catch (Exception e) { started.SetException(e); return; }
            started.SetResult();
            release.Wait();
        }) { IsBackground = true, Name = "functions worker parent" };
        parent.Start();
        started.Task.GetAwaiter().GetResult();
        return release;
    }

    /// <summary>Waits for the worker to end by itself (after WorkerTerminate), then kills it.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited) return;
        using var timeout = new CancellationTokenSource(grace);
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { }
        if (!_process.HasExited)
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero);
        _process.Dispose();
        _release.Set();
    }
}
