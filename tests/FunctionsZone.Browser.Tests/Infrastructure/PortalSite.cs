using System.Diagnostics;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Portal;
using FunctionsZone.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace FunctionsZone.Browser.Tests.Infrastructure;

/// <summary>
/// The portal as a browser meets it, on the seed data: its own storage prefix with `fz run` over seeds/, `fz serve`
/// for the API, and a Kestrel front that serves web/dist and the snapshot container through
/// <see cref="PortalMiddleware"/> and passes /api to fz serve — one origin, as behind a CDN. Plus a headless Chromium.
/// </summary>
public class PortalSite : IAsyncLifetime
{
    public const string FunctionKey = "browser-test-key";
    public TestStorage Storage { get; } = new();
    public FzServe Api { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;
    private WebApplication _front = null!;

    public static string Dist => Path.Combine(Azurite.RepoRoot, "web", "dist");

    public async Task InitializeAsync()
    {
        EnsureBuilt();
        await Storage.RunSeedsAsync();
        Api = await FzServe.StartAsync(Storage, FunctionKey);
        _front = await StartFrontAsync();
        BaseAddress = new Uri(_front.Urls.First() + "/");
        Http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = BaseAddress };
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private async Task<WebApplication> StartFrontAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UsePortal(PortalOptions.From(Storage.Configuration), Storage.Clients.Container(Storage.Clients.Options.SnapshotContainer));
        var api = new HttpClient { BaseAddress = Api.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        app.Map("/api/{**rest}", ctx => ApiProxy.ForwardAsync(api, ctx));
        await app.StartAsync();
        return app;
    }

    /// <summary>web/dist from `npm ci` + `vite build` when a developer runs the tests before ./scripts/run.sh.</summary>
    private static void EnsureBuilt()
    {
        if (File.Exists(Path.Combine(Dist, "index.html"))) return;
        var web = Path.Combine(Azurite.RepoRoot, "web");
        foreach (var args in new[] { "ci --no-audit --no-fund", "run build" })
        {
            using var p = Process.Start(new ProcessStartInfo("npm", args) { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"npm {args} failed:\n{output.Result}\n{error}");
        }
    }

    /// <summary>A new page that records console errors and page errors, which every test asserts are none.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(int width = 1400, int height = 1000)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = BaseAddress.ToString() });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") lock (errors) errors.Add($"{m.Text} ({m.Location})"); };
        page.Response += (_, r) => { if (r.Status >= 400) lock (errors) errors.Add($"HTTP {r.Status} {r.Request.Method} {r.Url}"); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        return (page, errors);
    }

    /// <summary>Opens an address of the portal and waits until the view has drawn from the snapshot.</summary>
    public static async Task OpenAsync(IPage page, string address)
    {
        await page.GotoAsync(address);
        await page.WaitForSelectorAsync("body[data-ready]");
        var ready = await page.GetAttributeAsync("body", "data-ready");
        // On failure, say what the page said: a portal error names what it could not read.
        Assert.True(ready == "true", $"{address}: data-ready={ready}; the page says: {await page.InnerTextAsync("main")}");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Http?.Dispose();
        if (_front is not null) await _front.DisposeAsync();
        if (Api is not null) await Api.DisposeAsync();
    }
}

/// <summary>Passes a request to the API unchanged (method, query, body, key header) and its answer back.</summary>
public static class ApiProxy
{
    public static async Task ForwardAsync(HttpClient api, HttpContext ctx)
    {
        using var request = new HttpRequestMessage(new HttpMethod(ctx.Request.Method), ctx.Request.Path.Value!.TrimStart('/') + ctx.Request.QueryString);
        if (!HttpMethods.IsGet(ctx.Request.Method))
        {
            using var body = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(body);
            request.Content = new ByteArrayContent(body.ToArray());
            if (ctx.Request.ContentType is { } type) request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        foreach (var (name, value) in ctx.Request.Headers)
            if (name.StartsWith("x-", StringComparison.OrdinalIgnoreCase) || name.Equals("If-None-Match", StringComparison.OrdinalIgnoreCase))
                request.Headers.TryAddWithoutValidation(name, value.ToArray());
        using var response = await api.SendAsync(request, ctx.RequestAborted);
        ctx.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, value) in response.Headers.Concat(response.Content.Headers))
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) ctx.Response.Headers[name] = value.ToArray();
        await response.Content.CopyToAsync(ctx.Response.Body);
    }
}
