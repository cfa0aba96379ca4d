using System.Text.Json.Nodes;

namespace FunctionsZone.Infra.Tests;

/// <summary>infra/main.bicep compiled once with `bicep build --stdout`, plus helpers to walk the ARM JSON.</summary>
internal static class CompiledTemplate
{
    private static readonly Lazy<(Bicep.Result Result, string Json, JsonObject Root)> Lazy = new(() =>
    {
        var result = Bicep.Run("build", Bicep.MainBicep, "--stdout");
        var root = result.ExitCode == 0 && result.StdOut.Length > 0
            ? JsonNode.Parse(result.StdOut)!.AsObject()
            : new JsonObject();
        return (result, result.StdOut, root);
    });

    public static Bicep.Result BuildResult => Lazy.Value.Result;
    public static string Json => Lazy.Value.Json;
    public static JsonObject Root => Lazy.Value.Root;

    /// <summary>The template itself and every nested (module) template, depth first.</summary>
    public static IEnumerable<JsonObject> Templates(JsonObject? template = null)
    {
        template ??= Root;
        yield return template;
        foreach (var r in Resources(template, recurse: false))
        {
            if (r["properties"] is JsonObject props && props["template"] is JsonObject nested)
            {
                foreach (var t in Templates(nested)) yield return t;
            }
        }
    }

    /// <summary>Resources of a template; resources may be an array or (languageVersion 2.0) an object keyed by symbolic name.</summary>
    public static IEnumerable<JsonObject> Resources(JsonObject template, bool recurse)
    {
        var list = template["resources"] switch
        {
            JsonArray a => a.OfType<JsonObject>().ToList(),
            JsonObject o => o.Select(kv => kv.Value).OfType<JsonObject>().ToList(),
            _ => [],
        };
        foreach (var r in list)
        {
            yield return r;
            if (recurse && r["properties"] is JsonObject props && props["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested, recurse: true)) yield return inner;
            }
        }
    }

    public static IEnumerable<JsonObject> AllResources() => Resources(Root, recurse: true);

    public static IEnumerable<JsonObject> ResourcesOfType(string type) =>
        AllResources().Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public static JsonObject Single(string type) => Assert.Single(ResourcesOfType(type));

    /// <summary>Every value of a property with this name anywhere in the JSON tree.</summary>
    public static IEnumerable<JsonNode?> FindProperty(JsonNode? node, string name)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    if (string.Equals(k, name, StringComparison.Ordinal)) yield return v;
                    foreach (var inner in FindProperty(v, name)) yield return inner;
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                    foreach (var inner in FindProperty(item, name)) yield return inner;
                break;
        }
    }

    /// <summary>Default value of a top-level parameter of main.bicep.</summary>
    public static JsonNode? DefaultOf(string parameter) =>
        Root["parameters"]?[parameter]?["defaultValue"];
}
