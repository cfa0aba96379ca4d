using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsZone.Bench;
using FunctionsZone.Composition;
using FunctionsZone.Integration.Tests.Infrastructure;

namespace FunctionsZone.Integration.Tests.Architecture;

/// <summary>
/// Issue 33: one composition root in a library every host uses, the bench its own project with the generator, and fz
/// not built on the function app. Read from the built assemblies, so a reference that creeps back fails here.
/// </summary>
public sealed class ProjectBoundaryTests
{
    private static IEnumerable<string> References(Assembly a) => a.GetReferencedAssemblies().Select(n => n.Name!);

    [Fact]
    public void The_composition_root_is_a_library_that_knows_no_host()
    {
        var composition = typeof(ServiceRegistration).Assembly;
        Assert.Equal("FunctionsZone.Composition", composition.GetName().Name);
        Assert.DoesNotContain(References(composition), n => n is "FunctionsZone.Functions" or "FunctionsZone.Host" or "fz" or "FunctionsZone.Bench");
    }

    [Fact]
    public void Fz_builds_its_services_from_the_composition_root_not_the_function_app()
    {
        var fz = typeof(FunctionsZone.Cli.Fz).Assembly;
        Assert.Contains("FunctionsZone.Composition", References(fz));
        Assert.DoesNotContain("FunctionsZone.Functions", References(fz));
    }

    [Fact]
    public void The_bench_and_the_generator_live_in_the_bench_project_not_in_fz_or_core()
    {
        Assert.Equal("FunctionsZone.Bench", typeof(BenchRunner).Assembly.GetName().Name);
        Assert.Equal("FunctionsZone.Bench", typeof(FunctionsZone.Bench.Generation.DatasetGenerator).Assembly.GetName().Name);
        Assert.DoesNotContain(typeof(FunctionsZone.Core.Domain.Period).Assembly.GetTypes(), t => t.Namespace?.EndsWith(".Generation", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(typeof(FunctionsZone.Cli.Fz).Assembly.GetTypes(), t => t.Namespace?.StartsWith("FunctionsZone.Cli.Bench", StringComparison.Ordinal) == true);
    }

    /// <summary>docs/bench/*.json are compared by people: every field of the last national run is still a field of the report.</summary>
    [Fact]
    public void The_bench_report_keeps_the_field_names_of_the_published_runs()
    {
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Azurite.RepoRoot, "docs", "bench", "national.json")))!;
        var report = JsonSerializer.Deserialize<BenchReport>(file.ToJsonString(), Core.Json.Indented)!;
        var again = JsonNode.Parse(JsonSerializer.Serialize(report, Core.Json.Indented))!;
        var missing = Paths(file).Except(Paths(again)).ToList();
        Assert.True(missing.Count == 0, "fields no longer written: " + string.Join(", ", missing));
    }

    /// <summary>Every field's path with a value (array elements as []), e.g. stages[].transactions.tableBatches.</summary>
    private static HashSet<string> Paths(JsonNode node, string prefix = "")
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (node is JsonObject o)
            foreach (var (k, v) in o.Where(p => p.Value is not null))
            {
                paths.Add(prefix + k);
                paths.UnionWith(Paths(v!, prefix + k + "."));
            }
        else if (node is JsonArray a)
            foreach (var e in a.Where(e => e is not null)) paths.UnionWith(Paths(e!, prefix.TrimEnd('.') + "[]."));
        return paths;
    }
}
