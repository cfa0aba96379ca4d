using System.Text.Json.Nodes;
using FunctionsZone.Functions.Http;
using FunctionsZone.Host.Metadata;
using FunctionsZone.Host.WorkerProcess;
using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>docs/openapi.json against the build's functions.metadata (what the host routes), and against docs/api.md.</summary>
public sealed class OpenApiTests
{
    private static JsonNode Doc => JsonNode.Parse(File.ReadAllText(Path.Combine(Azurite.RepoRoot, "docs/openapi.json")))!;

    private static IEnumerable<(string Path, string Method, string OperationId)> Documented() =>
        Doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (p.Key, m.Key.ToUpperInvariant(), m.Value!["operationId"]!.GetValue<string>())));

    [Fact]
    public void Every_http_function_in_functions_metadata_is_documented_with_its_route_and_method_and_every_documented_route_exists()
    {
        var metadata = FunctionsMetadata.Load(WorkerDirectory.Locate());
        var functions = metadata.HttpFunctions.SelectMany(f => f.Methods.Select(m => (metadata.PathOf(f), m, f.Name))).ToHashSet();
        var documented = Documented().ToHashSet();
        Assert.NotEmpty(functions);
        Assert.Empty(functions.Except(documented));
        Assert.Empty(documented.Except(functions));
    }

    [Fact]
    public void The_served_document_is_the_one_in_docs()
    {
        Assert.Equal(File.ReadAllBytes(Path.Combine(Azurite.RepoRoot, "docs/openapi.json")), OpenApiFunction.Document());
        Assert.StartsWith("3.", Doc["openapi"]!.GetValue<string>());
    }

    [Fact]
    public void Every_read_has_an_example_response_and_api_md_describes_every_route()
    {
        var apiMd = File.ReadAllText(Path.Combine(Azurite.RepoRoot, "docs/api.md"));
        foreach (var (path, method, id) in Documented())
        {
            var op = Doc["paths"]![path]![method.ToLowerInvariant()]!;
            if (method == "GET") Assert.NotNull(op["responses"]!["200"]!["content"]!["application/json"]!["example"]);
            Assert.Contains($"{method} {path}", apiMd);
        }
    }
}
