using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FunctionsZone.Browser.Tests.Infrastructure;

/// <summary>Screenshots of each view: into TestResults/portal/, and into FZ_PORTAL_SCREENSHOTS (docs/portal, scripts/screenshots.sh) when set.</summary>
public static class Shots
{
    public static async Task TakeAsync(IPage page, string name, bool fullPage = true)
    {
        var folders = new List<string> { Path.Combine(Azurite.RepoRoot, "TestResults", "portal") };
        if (Environment.GetEnvironmentVariable("FZ_PORTAL_SCREENSHOTS") is { Length: > 0 } extra)
            folders.Add(Path.IsPathRooted(extra) ? extra : Path.Combine(Azurite.RepoRoot, extra));
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage });
        foreach (var f in folders)
        {
            Directory.CreateDirectory(f);
            await File.WriteAllBytesAsync(Path.Combine(f, name + ".png"), bytes);
        }
        // A picture for README/docs (scripts/screenshots.sh): recorded with what it was made from, so a stale one is caught.
        if (folders.Count > 1) ScreenshotManifest.Record(Path.Combine(folders[1], name + ".png"), portal: true);
    }
}

/// <summary>axe-core (npm, web/node_modules) injected into the page; the serious and critical violations, described.</summary>
public static class Axe
{
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var script = Path.Combine(Azurite.RepoRoot, "web", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(script), $"{script} missing: run npm ci in web/");
        // Evaluated by the DevTools protocol, not added as a <script>: the portal's CSP (script-src 'self') refuses inline script.
        await page.EvaluateAsync(await File.ReadAllTextAsync(script));
        return await page.EvaluateAsync<string[]>(@"async () => {
            const r = await axe.run(document, { resultTypes: ['violations'] });
            return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
        }");
    }
}
