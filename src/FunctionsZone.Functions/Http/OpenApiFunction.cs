using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsZone.Functions.Http;

/// <summary>GET /api/openapi.json: docs/openapi.json, embedded at build time so the served document is the documented one.</summary>
public sealed class OpenApiFunction
{
    [Function("GetOpenApi")]
    public IActionResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req) =>
        Respond.Read(req, Document(), Respond.JsonContentType, maxAgeSeconds: 300);

    public static byte[] Document()
    {
        using var s = typeof(OpenApiFunction).Assembly.GetManifestResourceStream("openapi.json")
                      ?? throw new InvalidOperationException("openapi.json is not embedded");
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
