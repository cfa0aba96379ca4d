using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FunctionsZone.Host.Metadata;
using FunctionsZone.Host.WorkerProcess;
using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>
/// What the docs say about keys and settings is what the code does (issue 31, item 15: docs/api.md called
/// /api/imports… anonymous and documented FunctionsZone__ReadAuthorization, which nothing read). Each route's
/// "Authorization:" line in docs/api.md and its security in docs/openapi.json are held to the auth level the build's
/// functions.metadata gives the host; every FunctionsZone setting the docs name is read somewhere in src/.
/// </summary>
public sealed partial class DocsAuthTests
{
    private static string Repo(string path) => Path.Combine(Azurite.RepoRoot, path);

    private static string Phrase(AuthLevel level) => level switch
    {
        AuthLevel.Anonymous => "anonymous",
        AuthLevel.Function => "function key",
        _ => "master key",
    };

    /// <summary>docs/api.md's route sections: "### GET /api/imports" → its "Authorization: … Function: `Name`." line.</summary>
    private static Dictionary<string, (string Auth, string Function)> Documented()
    {
        var sections = new Dictionary<string, (string, string)>();
        foreach (var section in Regex.Split(File.ReadAllText(Repo("docs/api.md")), @"^### ", RegexOptions.Multiline).Skip(1))
        {
            var heading = section[..section.IndexOf('\n')].Trim();
            var line = AuthLine().Match(section);
            if (line.Success) sections.Add(heading, (line.Groups["auth"].Value, line.Groups["function"].Value));
        }
        return sections;
    }

    [Fact]
    public void Every_route_s_authorization_in_api_md_and_openapi_json_is_the_level_functions_metadata_gives_it()
    {
        var metadata = FunctionsMetadata.Load(WorkerDirectory.Locate());
        var documented = Documented();
        var openApi = JsonNode.Parse(File.ReadAllText(Repo("docs/openapi.json")))!["paths"]!;
        var routes = metadata.HttpFunctions.SelectMany(f => f.Methods.Select(m => (Heading: $"{m} {metadata.PathOf(f)}", f))).ToList();
        Assert.NotEmpty(routes);
        foreach (var (heading, f) in routes)
        {
            Assert.True(documented.TryGetValue(heading, out var doc), $"docs/api.md has no \"### {heading}\" with an Authorization line");
            Assert.True(doc.Auth == Phrase(f.AuthLevel), $"docs/api.md says {heading} is \"{doc.Auth}\"; the code ({f.Name}) is {f.AuthLevel}");
            Assert.Equal(f.Name, doc.Function);
            var security = openApi[metadata.PathOf(f)]![heading.Split(' ')[0].ToLowerInvariant()]!["security"]?.AsArray();
            Assert.True((security is { Count: > 0 }) == (f.AuthLevel != AuthLevel.Anonymous),
                $"docs/openapi.json's security for {heading} disagrees with {f.AuthLevel}");
        }
        // No Authorization line for a route the build does not have.
        Assert.Empty(documented.Keys.Except(routes.Select(r => r.Heading)));
    }

    [Fact]
    public void Every_FunctionsZone_setting_the_docs_name_is_read_by_the_code()
    {
        var documents = Directory.GetFiles(Repo("docs"), "*.md").Append(Repo("README.md")).Append(Repo("local.settings.sample.json"));
        var names = documents.SelectMany(d => SettingName().Matches(File.ReadAllText(d)).Select(m => (Document: Path.GetFileName(d), Name: m.Value)))
            .Distinct().ToList();
        Assert.NotEmpty(names);
        var code = string.Join('\n', Directory.GetFiles(Repo("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText));
        // A setting is read through an options property or a configuration key of that name: each part must occur in src/.
        var unread = names.Where(n => n.Name.Split(["__", ":"], StringSplitOptions.None).Skip(1)
            .Any(part => !Regex.IsMatch(code, $@"\b{Regex.Escape(part)}\b"))).ToList();
        Assert.True(unread.Count == 0, "documented but read by nothing: " + string.Join(", ", unread.Select(u => $"{u.Name} ({u.Document})")));
    }

    [GeneratedRegex(@"^Authorization: (?<auth>[a-z ]+)\. Function: `(?<function>\w+)`\.", RegexOptions.Multiline)]
    private static partial Regex AuthLine();

    [GeneratedRegex(@"FunctionsZone(?:__|:)[A-Za-z][A-Za-z0-9]*(?:(?:__|:)[A-Za-z][A-Za-z0-9]*)*")]
    private static partial Regex SettingName();
}
