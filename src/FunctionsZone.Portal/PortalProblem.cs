using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FunctionsZone.Portal;

/// <summary>RFC 7807 answers of the portal's own routes, in the API's shape (title = stable code, bilingual detail).</summary>
internal static class PortalProblem
{
    public static Task WriteAsync(HttpContext ctx, int status, string code, string detail)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/problem+json; charset=utf-8";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            type = $"https://functionszone.dev/problems/{code}", title = code, status, detail,
        }), ctx.RequestAborted);
    }
}
