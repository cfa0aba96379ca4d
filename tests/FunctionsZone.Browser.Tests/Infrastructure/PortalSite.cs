using System.Diagnostics;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FunctionsZone.Browser.Tests.Infrastructure;

/// <summary>
/// The portal as a browser meets it, on the seed data: its own storage prefix with `fz run` over seeds/, then
/// `fz serve` in its own process — the portal at /, the snapshot container at /snapshots/ (PortalMiddleware in the
/// host's HTTP front) and the API at /api, one origin. Plus a headless Chromium.
/// </summary>
public class PortalSite : IAsyncLifetime
{
    public const string FunctionKey = "browser-test-key";
    // The Word briefing published as in production: the zone view links it when the version holds one (BriefingLinkTests).
    public TestStorage Storage { get; } = new(TestStorage.WithWordBriefings());
    public FzServe Api { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public static string Dist => Path.Combine(Azurite.RepoRoot, "web", "dist");

    public async Task InitializeAsync()
    {
        EnsureBuilt();
        await SeedAsync();
        Api = await FzServe.StartAsync(Storage, FunctionKey);
        BaseAddress = Api.BaseAddress;
        Http = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = BaseAddress };
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>The data the portal shows: the seeds through the whole pipeline; a site with other data overrides it.</summary>
    protected virtual async Task SeedAsync() => Reported = EnglishText.ReportedNames(await Storage.RunSeedsAsync());

    /// <summary>The names the seed import reported as missing-english-name: the only Chinese an English view may show.</summary>
    public IReadOnlyList<string> Reported { get; protected set; } = [];

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
        // Waits, not timings: a loaded 2-core CI machine may take longer than Playwright's 30 s default to draw.
        page.SetDefaultTimeout(90_000);
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
        if (Api is not null) await Api.DisposeAsync();
    }
}
