using Xunit.Abstractions;

namespace FunctionsZone.Core.Tests.Architecture;

/// <summary>
/// Core is the domain alone (docs/architecture.md): it compiles on the framework without a package, and its namespaces
/// form layers, each referring only to the ones below it, so no two namespaces refer to each other, directly or round a loop.
/// </summary>
public sealed class NamespaceCycleTests(ITestOutputHelper output)
{
    private static readonly Lazy<NamespaceGraph> Graph = new(NamespaceGraph.OfCore);

    [Fact]
    public void Core_has_no_namespace_cycle()
    {
        var graph = Graph.Value;
        foreach (var ((from, to), types) in graph.Types.OrderBy(e => e.Key.From).ThenBy(e => e.Key.To))
            output.WriteLine($"{from} -> {to}: {string.Join(", ", types)}");
        var cycles = graph.Cycles();
        var described = cycles.Select(c => string.Join(" -> ", c) + "\n" + string.Join("\n",
            c.Zip(c.Skip(1), (a, b) => $"    {a} -> {b}: {graph.Witness(a, b)}")));
        Assert.True(cycles.Count == 0, "Namespace cycles in FunctionsZone.Core:\n" + string.Join("\n", described));
    }

    [Fact]
    public void The_graph_sees_a_reference_made_without_a_using_line()
    {
        // A cycle the test must catch even though neither side names the other in a using line: a fully qualified
        // type in one direction, a var-typed call result in the other.
        var graph = NamespaceGraph.OfSources(
            """
            namespace FunctionsZone.Core.A { public class X { public static FunctionsZone.Core.B.Y Make() => new(); } }
            namespace FunctionsZone.Core.B { public class Y { public int N() { var x = FunctionsZone.Core.A.X.Make(); return x.GetHashCode(); } } }
            """);
        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal(["FunctionsZone.Core.A", "FunctionsZone.Core.B", "FunctionsZone.Core.A"], cycle);
    }
}
