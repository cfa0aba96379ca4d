using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace FunctionsZone.Host.Http;

/// <summary>
/// The host's admin routes under /admin, as the real host (4.1037) answers them (shared/notes/functions-host.md):
/// no key or a wrong one is 401 with <c>WWW-Authenticate: Bearer</c>; a function key is 403 (it is a key, just not the
/// master key); both empty. With the master key, <c>GET /admin/host/status</c> is the host's status JSON and
/// <c>POST /admin/functions/{name}</c> is 202 with no body: a timer runs in the background, reported on the console;
/// an HTTP function is accepted too and, as on the host, does nothing but log that it needs an HttpRequest.
/// A name that is no function: 404, empty.
/// </summary>
internal sealed class AdminRequests(FunctionsHost host)
{
    private static readonly TemplateMatcher Invoke = new(TemplateParser.Parse("admin/functions/{name}"), new RouteValueDictionary());
    private readonly DateTime _started = DateTime.UtcNow;

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var values = new RouteValueDictionary();
        var path = http.Request.Path;
        var status = HttpMethods.IsGet(http.Request.Method) && path.Equals("/admin/host/status", StringComparison.OrdinalIgnoreCase);
        var invoke = HttpMethods.IsPost(http.Request.Method) && Invoke.TryMatch(path, values);
        if (!status && !invoke)
        {
            await next(http);
            return;
        }
        if (Refused(http) is { } refusal)
        {
            await refusal(http);
            return;
        }
        if (status)
            await HostStatusAsync(http);
        else
            await InvokeFunctionAsync(http, values["name"]?.ToString() ?? "");
    }

    /// <summary>401 (+ WWW-Authenticate: Bearer) without a valid key, 403 for a function key; null for the master key.</summary>
    private RequestDelegate? Refused(HttpContext http)
    {
        if (host.Keys.Allows(http.Request, Metadata.AuthLevel.Admin)) return null;
        if (host.Keys.Allows(http.Request, Metadata.AuthLevel.Function)) return HttpFront.Empty(StatusCodes.Status403Forbidden);
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return HttpFront.Empty(StatusCodes.Status401Unauthorized);
    }

    private Task HostStatusAsync(HttpContext http) => http.Response.WriteAsJsonAsync(new HostStatus(
        Id: host.HostId,
        State: host.IsWorkerRunning ? "Running" : "Error",
        Version: FunctionsHost.HostVersion,
        VersionDetails: $"{FunctionsHost.HostVersion} (fz serve)",
        ProcessUptime: (long)(DateTime.UtcNow - _started).TotalMilliseconds));

    private async Task InvokeFunctionAsync(HttpContext http, string name)
    {
        var timer = host.Metadata.TimerFunctions.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        var function = host.Metadata.HttpFunctions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (timer is not null)
            host.StartTimerRun(timer.Name);
        else if (function is not null)
            host.ReportHttpFunctionNeedsRequest(function.Name);
        else
        {
            await HttpFront.Empty(StatusCodes.Status404NotFound)(http);
            return;
        }
        await HttpFront.Empty(StatusCodes.Status202Accepted)(http);
    }

    /// <summary>The fields of the host's /admin/host/status that mean something here (camelCase as the host writes them).</summary>
    private sealed record HostStatus(
        [property: System.Text.Json.Serialization.JsonPropertyName("id")] string Id,
        [property: System.Text.Json.Serialization.JsonPropertyName("state")] string State,
        [property: System.Text.Json.Serialization.JsonPropertyName("version")] string Version,
        [property: System.Text.Json.Serialization.JsonPropertyName("versionDetails")] string VersionDetails,
        [property: System.Text.Json.Serialization.JsonPropertyName("processUptime")] long ProcessUptime);
}
