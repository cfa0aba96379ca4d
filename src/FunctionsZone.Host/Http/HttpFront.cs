using System.Net;
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
            k.AddServerHeader = false;
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

    /// <summary>A response with only a status, as the host gives 401 and 404.</summary>
    public static RequestDelegate Empty(int status) => http =>
    {
        http.Response.StatusCode = status;
        http.Response.ContentLength = 0;
        return Task.CompletedTask;
    };
}
