using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsZone.Host.Metadata;

/// <summary>An authorization level as functions.metadata writes it (authLevel), the host's meaning of each.</summary>
public enum AuthLevel
{
    /// <summary>No key.</summary>
    Anonymous,
    /// <summary>A function key or the master key.</summary>
    Function,
    /// <summary>The master key only.</summary>
    Admin,
}

/// <summary>An HTTP-triggered function: its route (below the route prefix), methods (empty = any) and auth level.</summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, AuthLevel AuthLevel)
{
    public bool Accepts(string method) => Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
}

/// <summary>A timer-triggered function; Schedule as written (an app-setting reference like %PipelineSchedule% or a cron).</summary>
public sealed record TimerFunction(string Name, string Schedule, string TriggerParameter);

/// <summary>
/// What the build says the app contains: functions.metadata (written by the worker SDK beside the app) and host.json's
/// extensions.http.routePrefix. Routes, methods and auth levels come from here, as the Functions host takes them.
/// </summary>
public sealed class FunctionsMetadata
{
    public const string FileName = "functions.metadata";

    private FunctionsMetadata(IReadOnlyList<string> names, IReadOnlyList<HttpFunction> http, IReadOnlyList<TimerFunction> timers, string routePrefix)
    {
        Names = names;
        HttpFunctions = http;
        TimerFunctions = timers;
        RoutePrefix = routePrefix;
    }

    /// <summary>Every function listed, in file order.</summary>
    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<HttpFunction> HttpFunctions { get; }
    public IReadOnlyList<TimerFunction> TimerFunctions { get; }
    /// <summary>host.json extensions.http.routePrefix ("api" when absent).</summary>
    public string RoutePrefix { get; }

    /// <summary>The path of a function's route as clients call it: /api/zones/{zone}.</summary>
    public string PathOf(HttpFunction f) => "/" + string.Join('/', new[] { RoutePrefix, f.Route }.Where(s => s.Length > 0));

    public static FunctionsMetadata Load(string appDirectory)
    {
        var file = Path.Combine(appDirectory, FileName);
        if (!File.Exists(file))
            throw new FileNotFoundException($"没有找到 {FileName}（函数应用未构建？） / {file} not found: is the function app built?", file);
        var names = new List<string>();
        var http = new List<HttpFunction>();
        var timers = new List<TimerFunction>();
        foreach (var function in JsonNode.Parse(File.ReadAllText(file))!.AsArray())
        {
            var name = function!["name"]!.GetValue<string>();
            names.Add(name);
            foreach (var binding in function["bindings"]?.AsArray() ?? [])
            {
                var type = binding!["type"]?.GetValue<string>();
                if (string.Equals(type, "httpTrigger", StringComparison.OrdinalIgnoreCase))
                    http.Add(new HttpFunction(name, binding["route"]?.GetValue<string>() ?? name,
                        (binding["methods"]?.AsArray() ?? []).Select(m => m!.GetValue<string>().ToUpperInvariant()).ToList(),
                        ParseAuthLevel(binding["authLevel"]?.GetValue<string>())));
                else if (string.Equals(type, "timerTrigger", StringComparison.OrdinalIgnoreCase))
                    timers.Add(new TimerFunction(name, binding["schedule"]?.GetValue<string>() ?? "", binding["name"]!.GetValue<string>()));
            }
        }
        return new FunctionsMetadata(names, http, timers, RoutePrefixFrom(Path.Combine(appDirectory, "host.json")));
    }

    /// <summary>The host's levels: anything but anonymous and admin needs at least a function key (System and User count as Function here).</summary>
    private static AuthLevel ParseAuthLevel(string? text) => text?.ToLowerInvariant() switch
    {
        "anonymous" => AuthLevel.Anonymous,
        "admin" or "system" => AuthLevel.Admin,
        _ => AuthLevel.Function,
    };

    private static string RoutePrefixFrom(string hostJson)
    {
        if (!File.Exists(hostJson)) return "api";
        using var doc = JsonDocument.Parse(File.ReadAllText(hostJson), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return doc.RootElement.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("http", out var h) && h.TryGetProperty("routePrefix", out var p)
            ? p.GetString()!.Trim('/')
            : "api";
    }
}
