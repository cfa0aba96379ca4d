using System.Reflection;
using FunctionsZone.Functions;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsZone.Cli.Serve;

/// <summary>An HTTP-triggered function as its own attributes describe it.</summary>
public sealed record HttpFunction(string Name, Type Type, MethodInfo Method, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel);

/// <summary>A timer-triggered function, fired on demand by fz serve.</summary>
public sealed record TimerFunction(string Name, Type Type, MethodInfo Method, string Schedule);

/// <summary>
/// The functions of the function app, found by reflection over their [Function] and trigger attributes — the same
/// attributes the Functions host reads — so fz serve never keeps a second list of routes.
/// </summary>
public static class FunctionCatalog
{
    /// <summary>host.json extensions.http.routePrefix.</summary>
    public const string RoutePrefix = "api";

    public static Assembly FunctionsAssembly => typeof(ServiceRegistration).Assembly;

    public static IReadOnlyList<HttpFunction> HttpFunctions(Assembly? assembly = null) =>
        Functions(assembly).SelectMany(f =>
        {
            var trigger = f.Method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (trigger is null) return [];
            var methods = (trigger.Methods ?? []).Select(m => m.ToUpperInvariant()).ToList();
            return new[] { new HttpFunction(f.Name, f.Type, f.Method, trigger.Route ?? f.Name, methods, trigger.AuthLevel) };
        }).OrderBy(f => f.Route, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<TimerFunction> TimerFunctions(Assembly? assembly = null) =>
        Functions(assembly).SelectMany(f =>
        {
            var trigger = f.Method.GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).FirstOrDefault(a => a is not null);
            return trigger is null ? [] : new[] { new TimerFunction(f.Name, f.Type, f.Method, trigger.Schedule) };
        }).ToList();

    private static IEnumerable<(string Name, Type Type, MethodInfo Method)> Functions(Assembly? assembly) =>
        (assembly ?? FunctionsAssembly).GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(m => (Attr: m.GetCustomAttribute<FunctionAttribute>(), Type: t, Method: m)))
            .Where(x => x.Attr is not null)
            .Select(x => (x.Attr!.Name, x.Type, x.Method));
}
