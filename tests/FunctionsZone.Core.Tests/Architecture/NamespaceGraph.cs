using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FunctionsZone.Core.Tests.Architecture;

/// <summary>
/// Which namespace of FunctionsZone.Core refers to which, from Core's sources compiled with a semantic model: every
/// name and every expression's type counts (a type met through <c>var</c> or a call's result too), using lines do not.
/// </summary>
public sealed class NamespaceGraph
{
    private const string Root = "FunctionsZone.Core";
    private readonly Dictionary<string, HashSet<string>> _edges = [];
    private readonly Dictionary<(string From, string To), string> _witness = [];

    public IReadOnlyDictionary<string, HashSet<string>> Edges => _edges;

    /// <summary>Compile errors of Core's sources on the framework alone: a type from a package shows here.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>A place where <paramref name="from"/> refers to <paramref name="to"/> (file:line and the name), for the failure message.</summary>
    public string Witness(string from, string to) => _witness.TryGetValue((from, to), out var w) ? w : "";

    public static NamespaceGraph OfCore()
    {
        var dir = Path.Combine(RepoRoot(), "src", "FunctionsZone.Core");
        var files = Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        return Of(files.Select(f => (Path.GetRelativePath(dir, f), File.ReadAllText(f))));
    }

    /// <summary>The graph of some sources (the test of this test).</summary>
    public static NamespaceGraph OfSources(params string[] sources) => Of(sources.Select((s, i) => ($"source{i}.cs", s)));

    private static NamespaceGraph Of(IEnumerable<(string Path, string Text)> sources)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, options, path: s.Path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, options, path: "ImplicitUsings.cs")).ToList();
        var compilation = CSharpCompilation.Create("FunctionsZone.Core", trees, FrameworkReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var graph = new NamespaceGraph();
        graph.Errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        foreach (var tree in trees) graph.Add(tree, compilation.GetSemanticModel(tree), compilation.Assembly);
        return graph;
    }

    /// <summary>The cycles, each as the namespaces of one strongly connected component in a loop (A → B → … → A).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var component in StronglyConnected().Where(c => c.Count > 1))
            cycles.Add(LoopThrough(component));
        return cycles;
    }

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static IEnumerable<MetadataReference> FrameworkReferences() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.") || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p));

    private void Add(SyntaxTree tree, SemanticModel model, IAssemblySymbol core)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (InUsingOrNamespaceName(node)) continue;
            var from = NamespaceOf(node);
            if (from is null) continue;
            foreach (var symbol in Referenced(node, model))
                if (Namespace(symbol, core) is { } to && to != from && Track(from, to, symbol))
                    AddEdge(from, to, $"{tree.FilePath}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1} {node.ToString().Split('\n')[0].Trim()}");
        }
    }

    private static IEnumerable<ISymbol> Referenced(SyntaxNode node, SemanticModel model)
    {
        if (node is SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax or BaseObjectCreationExpressionSyntax)
        {
            var info = model.GetSymbolInfo(node);
            if (info.Symbol is { } s) yield return s;
            else foreach (var c in info.CandidateSymbols) yield return c;
        }
        if (node is ExpressionSyntax expression)
        {
            var type = model.GetTypeInfo(expression);
            if (type.Type is { } t) foreach (var part in Parts(t)) yield return part;
            if (type.ConvertedType is { } ct) foreach (var part in Parts(ct)) yield return part;
        }
    }

    /// <summary>A type and the types it is built from (type arguments, array elements).</summary>
    private static IEnumerable<ITypeSymbol> Parts(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol a => Parts(a.ElementType),
        INamedTypeSymbol { IsGenericType: true } g => g.TypeArguments.SelectMany(Parts).Prepend(g.OriginalDefinition),
        _ => [type],
    };

    /// <summary>The Core namespace a symbol is declared in, or null when it is not Core's own (the framework, a local).</summary>
    private static string? Namespace(ISymbol symbol, IAssemblySymbol core)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } reduced }) symbol = reduced;
        // Naming a namespace (the "Core" of FunctionsZone.Core.Ingest.X) is no dependency; the type named is.
        if (symbol is INamespaceSymbol or ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or ITypeParameterSymbol or IDiscardSymbol or IPreprocessingSymbol)
            return null;
        if (!SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, core)) return null;
        var ns = symbol.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? null : ns.ToDisplayString();
    }

    /// <summary>Every type of <c>to</c> each namespace refers to (the test prints them, to see what a layer leans on).</summary>
    public Dictionary<(string From, string To), SortedSet<string>> Types { get; } = [];

    private bool Track(string from, string to, ISymbol symbol)
    {
        var type = symbol as ITypeSymbol ?? symbol.ContainingType;
        if (!Types.TryGetValue((from, to), out var set)) Types[(from, to)] = set = [];
        set.Add(type?.Name ?? symbol.Name);
        return true;
    }

    private static bool InUsingOrNamespaceName(SyntaxNode node) =>
        node.Ancestors().Any(a => a is UsingDirectiveSyntax || (a is BaseNamespaceDeclarationSyntax ns && ns.Name.Span.Contains(node.Span)));

    private static string? NamespaceOf(SyntaxNode node) =>
        node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();

    private void AddEdge(string from, string to, string where)
    {
        if (!to.StartsWith(Root)) return;
        if (!_edges.TryGetValue(from, out var targets)) _edges[from] = targets = [];
        if (targets.Add(to)) _witness[(from, to)] = where;
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private List<List<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>(); var low = new Dictionary<string, int>();
        var stack = new Stack<string>(); var onStack = new HashSet<string>(); var result = new List<List<string>>();
        var nodes = _edges.Keys.Concat(_edges.Values.SelectMany(v => v)).Distinct().Order().ToList();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count; stack.Push(v); onStack.Add(v);
            foreach (var w in Targets(v))
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            result.Add(component);
        }
        foreach (var n in nodes) if (!index.ContainsKey(n)) Visit(n);
        return result;
    }

    private IEnumerable<string> Targets(string v) => _edges.TryGetValue(v, out var t) ? t.Order() : [];

    /// <summary>A shortest loop from the component's first namespace back to itself, within the component.</summary>
    private List<string> LoopThrough(List<string> component)
    {
        var inside = component.ToHashSet();
        var start = component.Order().First();
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var w in Targets(v).Where(inside.Contains))
            {
                if (w == start)
                {
                    var path = new List<string> { start };
                    for (var x = v; x != start; x = previous[x]) path.Insert(1, x);
                    path.Add(start);
                    return path;
                }
                if (previous.TryAdd(w, v)) queue.Enqueue(w);
            }
        }
        return [.. component, component[0]];
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FunctionsZone.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("FunctionsZone.sln not found above " + AppContext.BaseDirectory);
    }
}
