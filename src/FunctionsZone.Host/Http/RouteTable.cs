using FunctionsZone.Host.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace FunctionsZone.Host.Http;

/// <summary>
/// The HTTP functions' routes under the route prefix, matched as the host matches them: literal segments before
/// parameters, case-insensitive, a trailing slash allowed. A path whose route exists but not for this method is no
/// match (the host answers such a request 404, not 405).
/// </summary>
public sealed class RouteTable
{
    private readonly IReadOnlyList<(HttpFunction Function, TemplateMatcher Matcher)> _routes;

    public RouteTable(FunctionsMetadata metadata)
    {
        _routes = metadata.HttpFunctions
            .Select(f => (Function: f, Template: TemplateParser.Parse(metadata.PathOf(f).TrimStart('/'))))
            .OrderBy(r => RoutePrecedence.ComputeInbound(r.Template))
            .Select(r => (r.Function, new TemplateMatcher(r.Template, new RouteValueDictionary())))
            .ToList();
    }

    public (HttpFunction Function, RouteValueDictionary Values)? Match(string path, string method)
    {
        foreach (var (function, matcher) in _routes)
        {
            var values = new RouteValueDictionary();
            if (function.Accepts(method) && matcher.TryMatch(path, values)) return (function, values);
        }
        return null;
    }
}
