using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FunctionsZone.Host.Cors;
using FunctionsZone.Host.Http;
using FunctionsZone.Host.Keys;
using FunctionsZone.Host.Metadata;
using FunctionsZone.Host.Rpc;
using FunctionsZone.Host.Rpc.Messages;
using FunctionsZone.Host.WorkerProcess;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsZone.Host;

/// <summary>Where the host listens and what it prints.</summary>
public sealed record FunctionsHostOptions
{
    /// <summary>The HTTP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; } = 7071;
    /// <summary>The built function app; null finds it beside the program (<see cref="WorkerDirectory"/>).</summary>
    public string? AppDirectory { get; init; }
    /// <summary>
    /// Receives the host's lines: the worker's stdout/stderr (where the worker writes its own log lines), the runs.
    /// The worker's logs over RpcLog are not printed: the real host, with telemetryMode OpenTelemetry, shows none.
    /// </summary>
    public Action<string> Output { get; init; } = _ => { };
    /// <summary>How long the worker may take from start to every function loaded.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);
    /// <summary>One more handler in the HTTP front, after the functions and before the 404 (fz serve: the portal).</summary>
    public Action<IApplicationBuilder>? Front { get; init; }
}

/// <summary>The result of a timer function run through the worker.</summary>
public sealed record FunctionRun(string Function, string InvocationId, bool Succeeded, TimeSpan Duration, string? ReturnValueJson, string? Error);

/// <summary>
/// A stand-in for the Azure Functions host that runs the real worker: starts the built FunctionsZone.Functions app as
/// the host does, speaks the host side of the Functions RPC protocol over gRPC (StartStream → WorkerInitRequest →
/// FunctionsMetadataRequest → FunctionLoadRequest per function → InvocationRequests) and serves HTTP in front of it
/// as the host does with the ASP.NET Core integration (keys, routes from functions.metadata, CORS, admin routes).
/// </summary>
public sealed class FunctionsHost : IAsyncDisposable
{
    private readonly FunctionsHostOptions _options;
    private readonly ConcurrentDictionary<string, string> _functionIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _backgroundRuns = [];
    private readonly IConfiguration _appSettings;
    private WebApplication? _grpc;
    private WebApplication? _http;
    private FunctionsWorkerProcess? _worker;

    private FunctionsHost(IConfiguration appSettings, FunctionsHostOptions options, FunctionsMetadata metadata, string appDirectory)
    {
        _appSettings = appSettings;
        _options = options;
        Metadata = metadata;
        AppDirectory = appDirectory;
        Keys = new HostKeys(appSettings);
    }

    public FunctionsMetadata Metadata { get; }
    public string AppDirectory { get; }
    public HostKeys Keys { get; }
    public WorkerChannel Channel { get; } = new();
    /// <summary>The worker's own HTTP server, from its HttpUri capability.</summary>
    public Uri WorkerHttpUri { get; private set; } = null!;
    public int WorkerProcessId => _worker?.ProcessId ?? 0;
    public bool IsWorkerRunning => _worker is { HasExited: false } && !Channel.Closed.IsCompleted;
    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; private set; } = null!;
    /// <summary>The names of the functions the worker loaded, in the order it listed them.</summary>
    public IReadOnlyList<string> LoadedFunctions { get; private set; } = [];
    /// <summary>Completes when the worker process exits.</summary>
    public Task WorkerExited => _worker?.WaitForExitAsync() ?? Task.CompletedTask;

    public bool TryGetFunctionId(string name, out string id) => _functionIds.TryGetValue(name, out id!);

    /// <summary>The schedule of a timer function with an app-setting reference (%Name%) resolved.</summary>
    public string ScheduleOf(TimerFunction timer) =>
        timer.Schedule is ['%', .. var name, '%'] ? _appSettings[name] ?? timer.Schedule : timer.Schedule;

    public static async Task<FunctionsHost> StartAsync(IConfiguration appSettings, FunctionsHostOptions options, CancellationToken ct = default)
    {
        var appDirectory = options.AppDirectory ?? WorkerDirectory.Locate();
        var host = new FunctionsHost(appSettings, options, FunctionsMetadata.Load(appDirectory), appDirectory);
        try
        {
            await host.StartWorkerAsync(ct);
            await host.StartHttpAsync(ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task StartWorkerAsync(CancellationToken ct)
    {
        _grpc = BuildGrpcServer();
        await _grpc.StartAsync(ct);
        var grpcPort = PortOf(_grpc);
        _worker = FunctionsWorkerProcess.Start(AppDirectory, grpcPort, _appSettings, line => _options.Output(line));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        timeout.CancelAfter(_options.StartTimeout);
        var exited = _worker.WaitForExitAsync(timeout.Token);
        async Task<T> OrFail<T>(Task<T> step, string what)
        {
            var done = await Task.WhenAny(step, exited, Task.Delay(Timeout.Infinite, timeout.Token)).ConfigureAwait(false);
            if (done == step) return await step;
            if (_worker.HasExited)
                throw new InvalidOperationException($"函数工作进程在{what}前退出（代码 {_worker.ExitCode}） / the functions worker exited (code {_worker.ExitCode}) before {what}");
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"函数工作进程未能及时{what} / the functions worker did not finish {what} within {_options.StartTimeout.TotalSeconds:0} s");
        }

        var started = await OrFail(Channel.Started, "connecting");
        if (started.WorkerId != _worker.WorkerId)
            throw new InvalidOperationException($"unexpected worker id {started.WorkerId}");

        var init = await OrFail(Channel.InitAsync(new WorkerInitRequest
        {
            HostVersion = HostVersion,
            WorkerDirectory = AppDirectory,
            FunctionAppDirectory = AppDirectory,
        }, timeout.Token), "initialising");
        EnsureSuccess(init.Result, "WorkerInitRequest");
        if (!init.Capabilities.TryGetValue("HttpUri", out var httpUri))
            throw new InvalidOperationException("函数应用未启用 ASP.NET Core 集成（无 HttpUri） / the worker has no HttpUri capability: the app must use ConfigureFunctionsWebApplication()");
        WorkerHttpUri = new Uri(httpUri);

        var indexed = await OrFail(Channel.MetadataAsync(new FunctionsMetadataRequest { FunctionAppDirectory = AppDirectory }, timeout.Token), "listing its functions");
        EnsureSuccess(indexed.Result, "FunctionsMetadataRequest");
        var loads = indexed.FunctionMetadataResults.Select(f => LoadAsync(f, timeout.Token)).ToList();
        await OrFail(Task.WhenAll(loads), "loading its functions");
        LoadedFunctions = indexed.FunctionMetadataResults.Select(f => f.Name).ToList();
        var missing = Metadata.Names.Except(LoadedFunctions, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"工作进程未加载 {string.Join(", ", missing)} / the worker did not load {string.Join(", ", missing)} listed in {FunctionsMetadata.FileName}");

        await OrFail(WaitUntilListeningAsync(WorkerHttpUri, timeout.Token), "opening its HTTP server");
    }

    private async Task<int> LoadAsync(RpcFunctionMetadata function, CancellationToken ct)
    {
        var id = string.IsNullOrEmpty(function.FunctionId) ? Guid.NewGuid().ToString() : function.FunctionId;
        var metadata = function.Clone();
        metadata.FunctionId = id;
        if (string.IsNullOrEmpty(metadata.Directory)) metadata.Directory = AppDirectory;
        // The host reads each raw binding for its name, type and direction, as BindingInfo.
        if (metadata.Bindings.Count == 0)
            foreach (var raw in metadata.RawBindings)
            {
                using var binding = JsonDocument.Parse(raw);
                var root = binding.RootElement;
                metadata.Bindings[root.GetProperty("name").GetString()!] = new BindingInfo
                {
                    Type = root.GetProperty("type").GetString()!,
                    Direction = Enum.Parse<BindingInfo.Types.Direction>(root.GetProperty("direction").GetString()!, ignoreCase: true),
                };
            }
        var loaded = await Channel.LoadAsync(new FunctionLoadRequest { FunctionId = id, Metadata = metadata }, ct);
        EnsureSuccess(loaded.Result, $"FunctionLoadRequest {function.Name}");
        _functionIds[function.Name] = id;
        return 0;
    }

    private async Task StartHttpAsync(CancellationToken ct)
    {
        var origins = HostCors.Origins(_appSettings);
        _http = HttpFront.Build(this, _options.Port, origins, _options.Front);
        await _http.StartAsync(ct);
        BaseAddress = new Uri($"http://127.0.0.1:{PortOf(_http)}/");
    }

    /// <summary>Runs a timer function once through the worker and waits for it.</summary>
    public async Task<FunctionRun> RunTimerAsync(string name, CancellationToken ct = default)
    {
        var timer = Metadata.TimerFunctions.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new InvalidOperationException($"没有名为 {name} 的定时函数 / no timer function named {name}");
        if (!TryGetFunctionId(timer.Name, out var id)) throw new InvalidOperationException($"{timer.Name} is not loaded");
        var request = Invocations.Timer(id, timer.Name, timer.TriggerParameter);
        _options.Output($"运行 / Executing 'Functions.{timer.Name}' (Id={request.InvocationId})");
        var clock = Stopwatch.StartNew();
        FunctionRun run;
        try
        {
            var response = await Channel.InvokeAsync(request, ct);
            var ok = response.Result?.Status == StatusResult.Types.Status.Success;
            run = new FunctionRun(timer.Name, request.InvocationId, ok, clock.Elapsed, response.ReturnValue?.Json is { Length: > 0 } json ? json : null,
                ok ? null : response.Result?.Exception?.Message ?? "failed");
        }
        catch (WorkerGoneException e)
        {
            run = new FunctionRun(timer.Name, request.InvocationId, false, clock.Elapsed, null, e.Message);
        }
        _options.Output(run.Succeeded
            ? $"完成 / Executed 'Functions.{run.Function}' (Succeeded, Id={run.InvocationId}, Duration={run.Duration.TotalMilliseconds:0}ms)"
            : $"失败 / Executed 'Functions.{run.Function}' (Failed, Id={run.InvocationId}, Duration={run.Duration.TotalMilliseconds:0}ms): {run.Error}");
        return run;
    }

    /// <summary>Starts a timer run that outlives the request that asked for it (the admin route).</summary>
    internal void StartTimerRun(string name) => _backgroundRuns.Add(Task.Run(() => RunTimerAsync(name, _stopping.Token)));

    /// <summary>
    /// An HTTP function invoked through the admin route: the host accepts it (202) and the invocation fails for want of
    /// an HTTP request, which is all it logs; nothing is sent to the worker here.
    /// </summary>
    internal void ReportHttpFunctionNeedsRequest(string function) =>
        _options.Output($"失败 / Executed 'Functions.{function}' (Failed, Id={Guid.NewGuid()}): 需要 HTTP 请求 / An HttpRequest is required");

    internal void ReportFailure(string function, string invocationId, InvocationResponse? response) =>
        _options.Output($"失败 / Executed 'Functions.{function}' (Failed, Id={invocationId}): {response?.Result?.Exception?.Message ?? "no answer from the worker"}");

    public async Task WaitForShutdownAsync(CancellationToken ct)
    {
        try { await Task.WhenAny(WorkerExited, Task.Delay(Timeout.Infinite, ct)); }
        catch (OperationCanceledException) { }
    }

    /// <summary>What the host reports as its version (WorkerInitRequest, /admin/host/status).</summary>
    internal const string HostVersion = "4.0.0-fz-serve";

    /// <summary>The host id /admin/host/status gives: as the host derives its own, the machine's name, lower case, at most 32 characters.</summary>
    internal string HostId { get; } = Environment.MachineName.ToLowerInvariant() is var m && m.Length > 32 ? m[..32] : Environment.MachineName.ToLowerInvariant();

    private static void EnsureSuccess(StatusResult? result, string step)
    {
        if (result?.Status == StatusResult.Types.Status.Success) return;
        throw new InvalidOperationException($"{step}: {result?.Exception?.Message ?? result?.Result ?? "failed"}");
    }

    private WebApplication BuildGrpcServer()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = FunctionsWorkerProcess.GrpcMaxMessageLength;
            o.MaxSendMessageSize = FunctionsWorkerProcess.GrpcMaxMessageLength;
        });
        builder.Services.AddSingleton(Channel);
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        return app;
    }

    private static int PortOf(WebApplication app) =>
        new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

    private static async Task<int> WaitUntilListeningAsync(Uri uri, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(uri.Host == "localhost" ? "127.0.0.1" : uri.Host, uri.Port, ct);
                return uri.Port;
            }
            catch (SocketException) { await Task.Delay(50, ct); }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        if (_http is not null) { await _http.StopAsync(); await _http.DisposeAsync(); }
        try { await Task.WhenAll(_backgroundRuns).WaitAsync(TimeSpan.FromSeconds(5)); } catch { }
        if (_worker is not null)
        {
            Channel.Terminate(TimeSpan.FromSeconds(2));
            await _worker.StopAsync(TimeSpan.FromSeconds(3));
            await _worker.DisposeAsync();
        }
        if (_grpc is not null)
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _grpc.StopAsync(quick.Token);
            await _grpc.DisposeAsync();
        }
        _stopping.Dispose();
    }
}
