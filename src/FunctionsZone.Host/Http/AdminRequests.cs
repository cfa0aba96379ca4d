using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace FunctionsZone.Host.Http;

/// <summary>
/// POST /admin/functions/{name} with the master key runs a non-HTTP function (the timer) as the host does: 202 with
/// no body at once, the run going on in the background and reported on the console. Any other key: 401, empty;
/// a name that is no such function: 404, empty.
/// </summary>
internal sealed class AdminRequests(FunctionsHost host)
{
    private static readonly TemplateMatcher Route = new(TemplateParser.Parse("admin/functions/{name}"), new RouteValueDictionary());

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var values = new RouteValueDictionary();
        if (!HttpMethods.IsPost(http.Request.Method) || !Route.TryMatch(http.Request.Path, values))
        {
            await next(http);
            return;
        }
        if (!host.Keys.Allows(http.Request, Metadata.AuthLevel.Admin))
        {
            await HttpFront.Empty(StatusCodes.Status401Unauthorized)(http);
            return;
        }
        var name = values["name"]?.ToString() ?? "";
        var timer = host.Metadata.TimerFunctions.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (timer is null)
        {
            await HttpFront.Empty(StatusCodes.Status404NotFound)(http);
            return;
        }
        host.StartTimerRun(timer.Name);
        await HttpFront.Empty(StatusCodes.Status202Accepted)(http);
    }
}
