using FunctionsZone.Core.Briefing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using FunctionsZone.Core.Publishing;

namespace FunctionsZone.Functions.Http;

/// <summary>
/// GET /api/briefing?zone=Z&amp;period=P[&amp;lang=zh|en][&amp;format=text|md|docx|json]: the monthly briefing from the latest
/// snapshot, through the same BriefingService as fz briefing. Default format json; docx comes as an attachment.
/// </summary>
public sealed class BriefingFunction(BriefingService briefings)
{
    [Function("GetBriefing")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "briefing")] HttpRequest req, CancellationToken ct)
    {
        var q = req.Query;
        foreach (var name in new[] { "zone", "period" })
            if (string.IsNullOrWhiteSpace(q[name]))
                return Problems.BadRequest("missing-parameter", $"缺少参数 {name} / missing query parameter '{name}'");
        var format = BriefingRendering.Format(string.IsNullOrWhiteSpace(q["format"]) ? "json" : q["format"].ToString());
        var body = await briefings.RenderAsync(q["zone"]!, q["period"]!, q["lang"], format, ct);
        var extra = format == "docx"
            ? new Dictionary<string, string> { ["Content-Disposition"] = $"attachment; filename=\"briefing-{Uri.EscapeDataString(q["zone"]!)}-{Uri.EscapeDataString(q["period"]!)}.docx\"" }
            : null;
        return Respond.Read(req, body, BriefingRendering.ContentType(format), extra: extra);
    }
}
