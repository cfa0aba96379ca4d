using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionsZone.Browser.Tests.Infrastructure;
using FunctionsZone.Integration.Tests.Infrastructure;

namespace FunctionsZone.Browser.Tests;

/// <summary>
/// Issue 32 item 7: the pictures README and docs embed exist, each was made by scripts/screenshots.sh (it is in
/// docs/portal/screenshots.json, byte for byte), and what it was made from — the built portal (web/dist) and the seed
/// data — has not changed since: a stale picture (docs/portal/zone.png still showing a fixed `— 个百分点`) fails here.
/// </summary>
public sealed partial class ScreenshotTests
{
    private static string Root => Azurite.RepoRoot;

    /// <summary>Every image a Markdown file of README.md and docs/ embeds, as (the file that embeds it, the image's path).</summary>
    private static IEnumerable<(string Doc, string Image)> Embeds() =>
        new[] { Path.Combine(Root, "README.md") }.Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories))
            .SelectMany(doc => Image().Matches(File.ReadAllText(doc)).Select(m => m.Groups["md"].Success ? m.Groups["md"].Value : m.Groups["html"].Value)
                .Where(src => !src.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                .Select(src => (Path.GetRelativePath(Root, doc), Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(doc)!, src.Split('#')[0]))).Replace('\\', '/'))));

    [Fact]
    public void Every_image_readme_and_docs_embed_exists()
    {
        var embeds = Embeds().ToList();
        Assert.True(embeds.Count >= 7, $"only {embeds.Count} embedded images found: the scan is broken");
        var missing = embeds.Where(e => !File.Exists(Path.Combine(Root, e.Image))).Select(e => $"{e.Doc}: {e.Image}").ToList();
        Assert.True(missing.Count == 0, "Embedded images that do not exist:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_embedded_picture_was_taken_from_the_current_portal_and_data()
    {
        Assert.True(File.Exists(Path.Combine(PortalSite.Dist, "index.html")), "web/dist is not built: ./scripts/test.sh builds it");
        using var manifest = JsonDocument.Parse(File.ReadAllText(ScreenshotManifest.FilePath));
        var pictures = manifest.RootElement.GetProperty("pictures");
        var current = new Dictionary<string, string> { ["portal"] = ScreenshotManifest.PortalHash(), ["data"] = ScreenshotManifest.DataHash() };
        var stale = new List<string>();
        foreach (var image in Embeds().Select(e => e.Image).Distinct().Where(i => File.Exists(Path.Combine(Root, i))))
        {
            if (!pictures.TryGetProperty(image, out var entry)) { stale.Add($"{image}: not made by scripts/screenshots.sh (not in the manifest)"); continue; }
            if (entry.GetProperty("sha256").GetString() != ScreenshotManifest.Sha256(File.ReadAllBytes(Path.Combine(Root, image))))
                stale.Add($"{image}: not the picture the manifest records (edited by hand?)");
            foreach (var input in entry.GetProperty("inputs").EnumerateObject())
                if (input.Value.GetString() != current[input.Name]) stale.Add($"{image}: its {input.Name} changed since it was taken");
        }
        Assert.True(stale.Count == 0, "Stale pictures — run ./scripts/screenshots.sh and commit them:\n" + string.Join("\n", stale));
    }

    [GeneratedRegex(@"!\[[^\]]*\]\((?<md>[^)\s]+)[^)]*\)|<img\s[^>]*src=""(?<html>[^""]+)""")]
    private static partial Regex Image();
}
