using FunctionsZone.Core.History;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Functions.Http;

/// <summary>
/// GET /api/history?zone=&amp;indicator=&amp;period= — a figure's published value and the changes that led to it (old → new,
/// import, file, time), with an ETag. It names import ids and source files, so it needs a function key.
/// </summary>
public sealed class HistoryFunctions(HistoryQuery history)
{
    [Function("GetHistory")]
    public async Task<IActionResult> History([HttpTrigger(AuthorizationLevel.Function, "get", Route = "history")] HttpRequest req, CancellationToken ct)
    {
        var q = req.Query;
        if (string.IsNullOrEmpty(q["zone"]) || string.IsNullOrEmpty(q["indicator"]) || string.IsNullOrEmpty(q["period"]))
            return Problems.BadRequest("missing-parameter", "需要参数 zone、indicator、period / zone, indicator and period are required");
        return Respond.Read(req, await history.GetAsync(q["zone"]!, q["indicator"]!, q["period"]!, ct));
    }
}
