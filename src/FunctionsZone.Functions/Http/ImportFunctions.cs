using FunctionsZone.Storage.Imports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Functions.Http;

/// <summary>
/// Import summaries: what each ingest did, with its findings (DHIS2-style status and counts). They quote rejected
/// files (at most 60 characters a cell), so they need a function key like the writes do.
/// </summary>
public sealed class ImportFunctions(ImportLogReader imports)
{
    /// <summary>Imports started in a month (?period=2022-05), newest first; all months when left out.</summary>
    [Function("GetImports")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "imports")] HttpRequest req)
    {
        var period = req.Query["period"].ToString();
        if (period.Length > 0 && !(Core.Domain.Period.TryParse(period, out var p) && p.IsMonth)) return Problems.BadPeriod(period);
        var all = await imports.ListAsync(period.Length > 0 ? period : null);
        return Paging.TryPage(req, all, out var page, out var problem) ? Respond.Read(req, page) : problem!;
    }

    [Function("GetImport")]
    public async Task<IActionResult> Get([HttpTrigger(AuthorizationLevel.Function, "get", Route = "imports/{importId}")] HttpRequest req, string importId) =>
        await imports.GetAsync(importId) is { } summary
            ? Respond.Read(req, summary)
            : Problems.Create(StatusCodes.Status404NotFound, "unknown-import", $"没有导入记录「{Quote.Cell(importId)}」 / No import '{Quote.Cell(importId)}'");
}
