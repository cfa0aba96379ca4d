using System.IO.Compression;
using System.Text.Json;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Composition;
using FunctionsZone.Portal;
using FunctionsZone.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

// The portal's benchmark (issue 12), beside fz bench: the zone view's time to a rendered page in headless Chromium
// on whatever snapshot the configured storage holds (scripts/portal-bench.sh publishes national generated data
// first), the bytes of JSON it fetched, and the bundle's gzipped size. Every figure comes from one run of N cold loads.
//   portal-bench [--zone ID] [--runs 5] [--json FILE]     storage from AzureWebJobsStorage / FunctionsZone__*
var arguments = args.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i);
string? Arg(string name) => arguments.TryGetValue(name, out var i) && i + 1 < args.Length ? args[i + 1] : null;
var runs = int.Parse(Arg("--runs") ?? "5");
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
// The one composition root every host uses.
await using var services = new ServiceCollection().AddFunctionsZone(configuration).BuildServiceProvider();
var clients = services.GetRequiredService<StorageClients>();
var portal = PortalOptions.From(configuration);
var container = clients.Container(clients.Options.SnapshotContainer);

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
await using var app = builder.Build();
app.UsePortal(portal, container);
await app.StartAsync();
var baseUrl = app.Urls.First();

using var http = new HttpClient();
var pointer = JsonDocument.Parse(await http.GetStringAsync($"{baseUrl}/snapshots/{SnapshotLayout.Latest}")).RootElement;
var zones = JsonDocument.Parse(await http.GetStringAsync($"{baseUrl}/snapshots/{pointer.GetProperty("path").GetString()}{SnapshotLayout.Zones}")).RootElement;
var zone = Arg("--zone") ?? zones.EnumerateArray().Select(z => z.GetProperty("id").GetString()!).First(id => id != "lc-etdz" || zones.GetArrayLength() < 100);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = "/usr/bin/chromium", Headless = true,
    Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

var samples = new List<JsonElement>();
for (var run = 0; run < runs; run++)
{
    // A new context each time: a cold cache, as a first visit.
    await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
    var page = await context.NewPageAsync();
    await page.GotoAsync($"{baseUrl}/?zone={Uri.EscapeDataString(zone)}");
    await page.WaitForSelectorAsync("body[data-ready]", new PageWaitForSelectorOptions { Timeout = 120_000 });
    samples.Add(await page.EvaluateAsync<JsonElement>(@"() => {
        const res = performance.getEntriesByType('resource');
        const json = res.filter(r => r.name.includes('/snapshots/'));
        const sum = (xs, f) => xs.reduce((a, x) => a + f(x), 0);
        return {
          readyMs: Number(document.body.dataset.readyAt),
          jsonFiles: json.length,
          jsonBytesTransferred: sum(json, r => r.encodedBodySize),
          jsonBytesDecoded: sum(json, r => r.decodedBodySize),
          jsonFetchMs: Math.max(...json.map(r => r.responseEnd)) - Math.min(...json.map(r => r.fetchStart)),
          jsonFetchBusyMs: sum(json, r => r.responseEnd - r.fetchStart),
          ready: document.body.dataset.ready,
        };
    }"));
}

var assets = Directory.GetFiles(Path.Combine(portal.DistFolder, "assets"));
long Gzipped(string file) { using var m = new MemoryStream(); using (var gz = new GZipStream(m, CompressionLevel.Optimal, true)) gz.Write(File.ReadAllBytes(file)); return m.Length; }
var jsGzip = assets.Where(f => f.EndsWith(".js")).Sum(Gzipped);
var cssGzip = assets.Where(f => f.EndsWith(".css")).Sum(Gzipped);

double Median(Func<JsonElement, double> f) { var xs = samples.Select(f).Order().ToList(); return xs[xs.Count / 2]; }
var ready = Median(s => s.GetProperty("readyMs").GetDouble());
var fetch = Median(s => s.GetProperty("jsonFetchMs").GetDouble());
var bytes = Median(s => s.GetProperty("jsonBytesTransferred").GetDouble());
var decoded = Median(s => s.GetProperty("jsonBytesDecoded").GetDouble());
var report = new
{
    snapshot = pointer.GetProperty("version").GetString(), zones = zones.GetArrayLength(), zone, runs, startedAt = DateTimeOffset.UtcNow,
    machine = $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}",
    medianReadyMs = Math.Round(ready, 1), medianJsonFetchMs = Math.Round(fetch, 1), readyOverJsonFetch = Math.Round(ready / fetch, 2),
    jsonFiles = samples[0].GetProperty("jsonFiles").GetInt32(), jsonBytesTransferred = (long)bytes, jsonBytesDecoded = (long)decoded,
    bundleJsGzipBytes = jsGzip, bundleCssGzipBytes = cssGzip,
    goals = new
    {
        jsonUnder200KB = bytes < 200 * 1024, bundleUnder350KBGzipped = jsGzip < 350 * 1024, renderWithin2xJsonFetch = ready <= 2 * fetch,
    },
    samples,
};
var text = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
if (Arg("--json") is { } file) await File.WriteAllTextAsync(file, text + "\n");
Console.WriteLine($"zone view of {zone} on {report.zones} zones, {runs} cold loads (median):");
Console.WriteLine($"  rendered after {ready:F0} ms; JSON {report.jsonFiles} files, {bytes / 1024:F1} KB transferred ({decoded / 1024:F1} KB decoded) in {fetch:F0} ms → render/fetch {ready / fetch:F2} (goal ≤ 2)");
Console.WriteLine($"  bundle: JS {jsGzip / 1024.0:F1} KB gzipped (goal < 350), CSS {cssGzip / 1024.0:F1} KB");
Console.WriteLine($"  goals: JSON < 200 KB {(report.goals.jsonUnder200KB ? "yes" : "NO")}, bundle < 350 KB {(report.goals.bundleUnder350KBGzipped ? "yes" : "NO")}, render ≤ 2× fetch {(report.goals.renderWithin2xJsonFetch ? "yes" : "NO")}");
