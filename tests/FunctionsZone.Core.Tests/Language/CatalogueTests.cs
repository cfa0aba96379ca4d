using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Tests.Language;

/// <summary>
/// Issue 32: one word catalogue (seeds/i18n/catalogue.json) of labels, units and judgements in zh and en, read by fz
/// (Labels), the API and briefing (UnitCatalogue) and the portal build (web/src/i18n.ts, format.ts). A key is defined
/// once — no key twice in an object, no grade/status/unit among the labels (they have their own sections, shared by
/// every face), no portal key that is also a label — and every key fz or the portal asks for is in it.
/// </summary>
public sealed partial class CatalogueTests
{
    private static readonly string Root = RepoRoot();
    private static readonly string File_ = Path.Combine(Root, "seeds", "i18n", "catalogue.json");

    [Fact]
    public void No_key_is_defined_twice()
    {
        // JsonDocument keeps the last of two equal keys silently: read the file token by token instead.
        var reader = new Utf8JsonReader(File.ReadAllBytes(File_), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var open = new Stack<(string Path, HashSet<string> Keys)>();
        var path = "";
        var twice = new List<string>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject: open.Push((path, [])); break;
                case JsonTokenType.EndObject: open.Pop(); break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    path = $"{open.Peek().Path}/{name}";
                    if (!open.Peek().Keys.Add(name)) twice.Add(path);
                    break;
            }
        }
        Assert.True(twice.Count == 0, "Defined twice: " + string.Join(", ", twice));

        using var doc = JsonDocument.Parse(File.ReadAllText(File_));
        var labels = doc.RootElement.GetProperty("labels").EnumerateObject().Select(p => p.Name).ToList();
        // Grades, statuses and units are the judgements and units every face shares: their own sections, not labels.
        Assert.Empty(labels.Where(k => k.StartsWith("grade.") || k.StartsWith("status.") || k.StartsWith("unit.")));
        var portal = doc.RootElement.GetProperty("portal").EnumerateObject().Select(p => p.Name);
        Assert.Empty(portal.Intersect(labels));
        Assert.All(doc.RootElement.GetProperty("labels").EnumerateObject().Concat(doc.RootElement.GetProperty("portal").EnumerateObject()),
            p => Assert.True(p.Value.GetArrayLength() == 2 && p.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String), $"{p.Name}: [zh, en]"));
    }

    [Fact]
    public void Every_key_fz_uses_is_in_the_catalogue()
    {
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/")))
        {
            var code = File.ReadAllText(file);
            foreach (Match m in LabelKey().Matches(code)) used.Add(m.Groups[1].Value);
            foreach (Match m in FamilyCode().Matches(code)) used.Add($"{m.Groups[1].Value}.{m.Groups[2].Value}");
        }
        // Codes fz turns into words from enums: every value has its words.
        foreach (var v in Enum.GetNames<ImportStatus>()) used.Add($"importStatus.{v.ToLowerInvariant()}");
        foreach (var v in Enum.GetNames<Severity>()) used.Add($"severity.{v.ToLowerInvariant()}");
        foreach (var v in new[] { "achieved", "ahead", "on-track", "behind", "at-risk", "no-data", "below-target", "not-ranked" }) used.Add($"status.{v}");
        foreach (var v in new[] { "city", "national", "provincial" }) used.Add($"evaluation.{v}");
        Assert.True(used.Count > 50, $"only {used.Count} keys found: the scan is broken");
        var missing = used.Where(k => !Labels.Defines(k)).ToList();
        Assert.True(missing.Count == 0, "fz uses words the catalogue lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_key_the_portal_uses_is_in_the_catalogue()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(File_));
        var defined = doc.RootElement.GetProperty("portal").EnumerateObject().Concat(doc.RootElement.GetProperty("labels").EnumerateObject())
            .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "web", "src"), "*.ts", SearchOption.AllDirectories).ToList();
        foreach (var file in sources)
        {
            var code = File.ReadAllText(file);
            foreach (Match m in PortalKey().Matches(code)) used.Add(m.Groups[1].Value);
            // t(`evaluation.${ev}`): every evaluation.
            foreach (Match m in PortalFamily().Matches(code))
                foreach (var k in defined.Where(k => k.StartsWith(m.Groups[1].Value + ".", StringComparison.Ordinal))) used.Add(k);
        }
        Assert.True(used.Count > 50, $"only {used.Count} keys found: the scan is broken");
        Assert.Contains("evaluation.national", used);
        var missing = used.Where(k => !defined.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "The portal uses words the catalogue lacks: " + string.Join(", ", missing));
        // The portal reads the catalogue itself, not a copy of its words.
        Assert.All(sources.Where(f => f.EndsWith("i18n.ts") || f.EndsWith("format.ts")), f => Assert.Contains("seeds/i18n/catalogue.json", File.ReadAllText(f)));
    }

    [GeneratedRegex("\"((?:col|text|kind|judged|evaluation|basis|measure|published|weak|importStatus|severity)\\.[A-Za-z][\\w\\-]*)\"")]
    private static partial Regex LabelKey();

    [GeneratedRegex("\\bOf\\(\"(\\w+)\", \"([\\w\\-]+)\"\\)")]
    private static partial Regex FamilyCode();

    [GeneratedRegex("\\bt\\('([\\w.\\-]+)'")]
    private static partial Regex PortalKey();

    [GeneratedRegex("\\bt\\(`(\\w+)\\.\\$\\{")]
    private static partial Regex PortalFamily();

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "FunctionsZone.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
