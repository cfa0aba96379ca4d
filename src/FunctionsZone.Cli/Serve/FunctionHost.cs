using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using FunctionsZone.Functions;
using FunctionsZone.Functions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsZone.Cli.Serve;

/// <summary>
/// Hosts the function app's own HTTP-triggered classes over Kestrel on 127.0.0.1, for machines without Azure
/// Functions Core Tools. Routes, methods and authorization levels come from the functions' attributes
/// (FunctionCatalog); the classes are built by DI exactly as the Functions host builds them (AddFunctionsZone).
/// Keys: FunctionsZone:FunctionKeys (comma-separated) for AuthorizationLevel.Function, FunctionsZone:MasterKey for
/// Admin (and Function); sent as x-functions-key or ?code=. With no key configured one is generated and printed.
/// </summary>
public sealed class FunctionHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyList<string> _functionKeys;
    private readonly string? _masterKey;
    private readonly bool _readsNeedKey;

    public IReadOnlyList<HttpFunction> Functions { get; }
    public IReadOnlyList<TimerFunction> Timers { get; }
    /// <summary>The key generated at start when configuration has none (printed by fz serve).</summary>
    public string? GeneratedKey { get; }
    public Uri? BaseAddress { get; private set; }

    public FunctionHost(IConfiguration configuration, int port)
    {
        var s = configuration.GetSection("FunctionsZone");
        _functionKeys = Split(s["FunctionKeys"]);
        _masterKey = string.IsNullOrWhiteSpace(s["MasterKey"]) ? null : s["MasterKey"];
        if (_functionKeys.Count == 0 && _masterKey is null)
        {
            GeneratedKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            _masterKey = GeneratedKey;
        }
        _readsNeedKey = string.Equals(s["ReadAuthorization"], "function", StringComparison.OrdinalIgnoreCase);
        Functions = FunctionCatalog.HttpFunctions();
        Timers = FunctionCatalog.TimerFunctions();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("FunctionsZone", LogLevel.Information);
        var ingest = configuration.GetSection("FunctionsZone").Get<FunctionsZone.Core.Pipeline.IngestOptions>() ?? new FunctionsZone.Core.Pipeline.IngestOptions();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port, listen => listen.Use(RawUtf8RequestLine.Middleware));
            // Kestrel's own cap sits above the ingest limit: the function answers 413 for a declared length over it,
            // and Kestrel still refuses an endless chunked body; the headroom lets it drain the refused body cleanly.
            k.Limits.MaxRequestBodySize = Math.Max(ingest.MaxFileBytes * 2, 30_000_000);
        });
        builder.Services.AddFunctionsZone(configuration);
        var origins = Split(s["CorsOrigins"]);
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins([.. origins]).AllowAnyHeader()
            .WithMethods("GET", "POST", "OPTIONS").WithExposedHeaders("ETag", "Content-Encoding")));

        _app = builder.Build();
        _app.Use(CatchAll);
        if (origins.Count > 0) _app.UseCors();
        foreach (var f in Functions)
        {
            var pattern = $"/{FunctionCatalog.RoutePrefix}/{f.Route}";
            RequestDelegate handler = http => InvokeHttpAsync(f, http);
            var endpoint = f.Methods.Count == 0 ? _app.Map(pattern, handler) : _app.MapMethods(pattern, f.Methods, handler);
            endpoint.WithDisplayName(f.Name);
        }
        // As the Functions host: POST /admin/functions/{name} fires a non-HTTP function (master key).
        _app.MapPost("/admin/functions/{name}", FireTimerAsync);
        _app.MapFallback(NoRoute);
    }

    /// <summary>A path no function serves is 404; a function's path with another method is 405 (both problem+json).</summary>
    private Task NoRoute(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var known = Functions.Any(f => new TemplateMatcher(TemplateParser.Parse($"{FunctionCatalog.RoutePrefix}/{f.Route}"), new RouteValueDictionary())
            .TryMatch(path, new RouteValueDictionary()));
        return Write(http, known
            ? Problems.Create(StatusCodes.Status405MethodNotAllowed, "method-not-allowed",
                $"此地址不接受 {http.Request.Method} / {http.Request.Method} is not allowed on {path}")
            : Problems.Create(StatusCodes.Status404NotFound, "no-such-route",
                $"没有这个地址：{http.Request.Method} {path} / No route {http.Request.Method} {path}"));
    }

    public async Task<Uri> StartAsync(CancellationToken ct = default)
    {
        await _app.StartAsync(ct);
        var address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1") + "/");
        return BaseAddress;
    }

    public Task WaitForShutdownAsync(CancellationToken ct) => _app.WaitForShutdownAsync(ct);

    /// <summary>Runs the timer function once, as the schedule would.</summary>
    public async Task<object?> RunTimerAsync(string name, CancellationToken ct)
    {
        var t = Timers.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"没有名为 {name} 的定时函数 / No timer function named {name}");
        await using var scope = _app.Services.CreateAsyncScope();
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, t.Type);
        var args = t.Method.GetParameters().Select(p => p.ParameterType == typeof(TimerInfo) ? new TimerInfo()
            : p.ParameterType == typeof(CancellationToken) ? ct
            : p.ParameterType == typeof(FunctionContext) ? null
            : scope.ServiceProvider.GetService(p.ParameterType)).ToArray();
        return await Unwrap(t.Method.Invoke(instance, args));
    }

    private async Task FireTimerAsync(HttpContext http, string name)
    {
        if (!Authorized(http, AuthorizationLevel.Admin)) { await Unauthorized(http, AuthorizationLevel.Admin); return; }
        if (!Timers.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            await Write(http, Problems.Create(StatusCodes.Status404NotFound, "unknown-function", $"没有名为 {name} 的定时函数 / No timer function named {name}"));
            return;
        }
        var result = await RunTimerAsync(name, http.RequestAborted);
        await Write(http, Respond.Json(result, StatusCodes.Status202Accepted));
    }

    private async Task InvokeHttpAsync(HttpFunction f, HttpContext http)
    {
        var level = f.AuthLevel == AuthorizationLevel.Anonymous && _readsNeedKey ? AuthorizationLevel.Function : f.AuthLevel;
        if (!Authorized(http, level)) { await Unauthorized(http, level); return; }
        await using var scope = http.RequestServices.CreateAsyncScope();
        var instance = f.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, f.Type);
        var args = f.Method.GetParameters().Select(p => Bind(p, http, scope.ServiceProvider)).ToArray();
        var result = await Unwrap(f.Method.Invoke(instance, args));
        if (result is IActionResult action) await Write(http, action);
        else if (result is not null) await Write(http, Respond.Json(result));
        else http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>Binds a parameter as the worker does: the request, the cancellation token, route values by name.</summary>
    private static object? Bind(ParameterInfo p, HttpContext http, IServiceProvider services)
    {
        if (p.ParameterType == typeof(HttpRequest)) return http.Request;
        if (p.ParameterType == typeof(HttpContext)) return http;
        if (p.ParameterType == typeof(CancellationToken)) return http.RequestAborted;
        if (p.ParameterType == typeof(FunctionContext)) return null;
        if (http.Request.RouteValues.TryGetValue(p.Name!, out var v) && v is not null)
            return p.ParameterType == typeof(string) ? v.ToString() : Convert.ChangeType(v.ToString(), p.ParameterType, System.Globalization.CultureInfo.InvariantCulture);
        return p.HasDefaultValue ? p.DefaultValue : services.GetService(p.ParameterType);
    }

    private static async Task<object?> Unwrap(object? returned)
    {
        if (returned is not Task task) return returned;
        await task;
        var type = task.GetType();
        return type.IsGenericType ? type.GetProperty("Result")!.GetValue(task) : null;
    }

    private bool Authorized(HttpContext http, AuthorizationLevel level)
    {
        if (level == AuthorizationLevel.Anonymous) return true;
        var key = http.Request.Headers["x-functions-key"].ToString();
        if (key.Length == 0) key = http.Request.Query["code"].ToString();
        if (key.Length == 0) return false;
        if (_masterKey is not null && Same(key, _masterKey)) return true;
        return level != AuthorizationLevel.Admin && level != AuthorizationLevel.System && _functionKeys.Any(k => Same(key, k));
    }

    private static Task Unauthorized(HttpContext http, AuthorizationLevel level) => Write(http, Problems.Create(StatusCodes.Status401Unauthorized, "unauthorized",
        level == AuthorizationLevel.Admin
            ? "需要主密钥（x-functions-key 请求头或 code 参数） / The master key is required (x-functions-key header or code parameter)"
            : "需要函数密钥（x-functions-key 请求头或 code 参数） / A function key is required (x-functions-key header or code parameter)"));

    private static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>No exception leaves the server as a stack trace: client errors keep their status, the rest are a bare 500.</summary>
    private async Task CatchAll(HttpContext http, RequestDelegate next)
    {
        try { await next(http); }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            var inner = e is TargetInvocationException { InnerException: { } i } ? i : e;
            // The worker's mapping (ProblemMiddleware), applied here because this host calls the methods itself.
            IActionResult problem = inner is OperationCanceledException && http.RequestAborted.IsCancellationRequested
                ? Problems.Create(499, "cancelled", "请求已取消 / The request was cancelled")
                : Problems.FromException(inner) ?? Problems.Internal();
            if (problem is BytesResult { StatusCode: 500 })
                http.RequestServices.GetRequiredService<ILogger<FunctionHost>>().LogError(inner, "Unhandled error in {Path}", http.Request.Path);
            await Write(http, problem);
        }
    }

    private static Task Write(HttpContext http, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));

    private static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
