using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>
/// Issue 32 item 7: docs/portal/screenshots.json records, for every picture README and docs embed, the hash of what it
/// was made from — the built portal bundle (web/dist) and the data (the seed files the snapshot is published from) — and
/// of the picture. scripts/screenshots.sh regenerates the pictures through the browser and briefing tests, which write
/// each entry here; ScreenshotTests fail when a picture's inputs changed since it was taken.
/// </summary>
public static class ScreenshotManifest
{
    public static string FilePath => Path.Combine(Azurite.RepoRoot, "docs", "portal", "screenshots.json");

    /// <summary>The built portal: every file of web/dist, by path and content.</summary>
    public static string PortalHash() => HashOf(Path.Combine(Azurite.RepoRoot, "web", "dist"), _ => true);

    /// <summary>The data: the seed files (not their READMEs) that `fz run` publishes the snapshot from.</summary>
    public static string DataHash() => HashOf(Path.Combine(Azurite.RepoRoot, "seeds"), f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase));

    /// <summary>What a picture's entry holds as inputs: the portal's pictures both hashes, the briefing's the data only.</summary>
    public static Dictionary<string, string> Inputs(bool portal) => portal
        ? new() { ["portal"] = PortalHash(), ["data"] = DataHash() }
        : new() { ["data"] = DataHash() };

    /// <summary>Records a picture just written (path relative to the repository) with its inputs; safe across test processes.</summary>
    public static void Record(string picture, bool portal)
    {
        var relative = Path.GetRelativePath(Azurite.RepoRoot, picture).Replace('\\', '/');
        var entry = new JsonObject
        {
            ["inputs"] = new JsonObject(Inputs(portal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["sha256"] = Sha256(File.ReadAllBytes(picture)),
        };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var f = new FileStream(FilePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var text = new StreamReader(f, Encoding.UTF8, leaveOpen: true).ReadToEnd();
                var root = text.Trim().Length == 0 ? new JsonObject() : JsonNode.Parse(text)!.AsObject();
                var pictures = root["pictures"] as JsonObject ?? new JsonObject();
                pictures[relative] = entry;
                // Sorted, so a regeneration changes only the entries that changed.
                var sorted = new JsonObject(pictures.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
                var result = new JsonObject
                {
                    ["$comment"] = "Written by scripts/screenshots.sh (the browser and briefing tests): each picture, the hashes of what it was made from (portal: web/dist; data: seeds/) and of the picture. ScreenshotTests fail when the inputs changed since.",
                    ["pictures"] = sorted,
                };
                f.SetLength(0);
                var bytes = Encoding.UTF8.GetBytes(result.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
                f.Write(bytes);
                return;
            }
            catch (IOException) when (attempt < 100) { Thread.Sleep(50); }
        }
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string HashOf(string folder, Func<string, bool> take)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(take)
                     .OrderBy(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), StringComparer.Ordinal))
        {
            h.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file).Replace('\\', '/') + "\0"));
            h.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(h.GetHashAndReset());
    }
}
