using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsZone.Functions.Http;

/// <summary>GET /api/openapi.json: docs/openapi.json, embedded at build time so the served document is the documented one.</summary>
public sealed class OpenApiFunction
{
    [Function("GetOpenApi")]
    public IActionResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req)
    {
        var bytes = Document();
        var etag = $"\"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..32]}\"";
        var headers = new Dictionary<string, string> { ["ETag"] = etag, ["Cache-Control"] = "public, max-age=300" };
        return req.Headers.IfNoneMatch.ToString().Split(',').Any(t => t.Trim() == etag)
            ? new BytesResult([], null, StatusCodes.Status304NotModified, headers)
            : new BytesResult(bytes, Respond.JsonContentType, StatusCodes.Status200OK, headers);
    }

    public static byte[] Document()
    {
        using var s = typeof(OpenApiFunction).Assembly.GetManifestResourceStream("openapi.json")
                      ?? throw new InvalidOperationException("openapi.json is not embedded");
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
