using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>
/// A real HTTP server (Kestrel on a free port) that routes requests to function methods, so HTTP tests send real
/// requests through the same code the Functions host runs, without the Functions runtime.
/// </summary>
public sealed class HttpFunctionHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    public HttpClient Client { get; }

    private HttpFunctionHost(WebApplication app, string baseAddress)
    {
        _app = app;
        Client = new HttpClient { BaseAddress = new Uri(baseAddress) };
    }

    /// <summary>Starts a server with one route per entry: "GET /api/x" or "/api/x" (GET), "POST /api/y" → the function method.</summary>
    public static async Task<HttpFunctionHost> StartAsync(IDictionary<string, Func<HttpRequest, CancellationToken, Task<IActionResult>>> routes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddControllers();
        var app = builder.Build();
        foreach (var (route, fn) in routes)
        {
            var parts = route.Split(' ', 2);
            var (method, path) = parts.Length == 2 ? (parts[0], parts[1]) : ("GET", parts[0]);
            app.MapMethods(path, [method], async ctx =>
            {
                var result = await AsWorker.InvokeAsync(() => fn(ctx.Request, ctx.RequestAborted));
                await result.ExecuteResultAsync(new ActionContext(ctx, ctx.GetRouteData(), new ActionDescriptor()));
            });
        }
        await app.StartAsync();
        var address = app.Urls.First();
        return new HttpFunctionHost(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
