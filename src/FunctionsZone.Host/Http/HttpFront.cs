using System.Net;
using System.Text.Json;
using FunctionsZone.Host.Cors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsZone.Host.Http;

/// <summary>
/// The host's HTTP server on 127.0.0.1: CORS first (as the platform), then the admin routes, then the functions'
/// routes (forwarded to the worker), then an empty 404 for everything else. Empty bodies where the real host
/// gives them: 401 for a missing or wrong key, 404 for an unknown route, a method the route does not take, or HEAD.
/// </summary>
internal static class HttpFront
{
    /// <summary>The host's cap on a request body (the Functions host's is 100 MB).</summary>
    public const long MaxRequestBodyBytes = 100L * 1024 * 1024;

    public static WebApplication Build(FunctionsHost host, int port, IReadOnlyList<string> corsOrigins, Action<IApplicationBuilder>? front = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            // Kestrel's "Server: Kestrel" on what the front answers itself, as the host's own responses carry it.
            k.AddServerHeader = true;
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        builder.Services.AddHttpForwarder();
        builder.Services.AddHostCors(corsOrigins);

        var app = builder.Build();
        var functions = new FunctionRequests(host, app.Services.GetRequiredService<Yarp.ReverseProxy.Forwarder.IHttpForwarder>());
        app.Lifetime.ApplicationStopped.Register(functions.Dispose);

        app.UseHostCors(corsOrigins);
        app.Use(new AdminRequests(host).InvokeAsync);
        app.Use(functions.InvokeAsync);
        // One more handler (fz serve: the portal's files at / and the snapshots) after the functions, before the 404.
        front?.Invoke(app);
        app.Run(Empty(StatusCodes.Status404NotFound));
        return app;
    }

    /// <summary>
    /// 413 problem+json (as the app's own 413) for a body over <see cref="MaxRequestBodyBytes"/>, however it arrives:
    /// refused by Content-Length at once, or chunked once it passes the cap. Kestrel then closes the connection.
    /// </summary>
    public static readonly RequestDelegate TooLarge = http =>
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        http.Response.ContentType = "application/problem+json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "https://functionszone.dev/problems/too-large", ["title"] = "too-large", ["status"] = StatusCodes.Status413PayloadTooLarge,
            ["detail"] = $"请求体超过主机的 {MaxRequestBodyBytes:N0} 字节上限 / The request body is over the host's limit of {MaxRequestBodyBytes:N0} bytes",
        }, ProblemJson));
    };

    private static readonly JsonSerializerOptions ProblemJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A response with only a status, as the host gives 401 and 404.</summary>
    public static RequestDelegate Empty(int status) => http =>
    {
        http.Response.StatusCode = status;
        http.Response.ContentLength = 0;
        return Task.CompletedTask;
    };
}
