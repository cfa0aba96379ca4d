using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FunctionsZone.Functions.Http;

/// <summary>RFC 7807 problem+json for every error; no stack trace leaves the server.</summary>
public static class Problems
{
    public static IActionResult Create(int status, string title, string detail, string? type = null) =>
        new ObjectResult(new ProblemDetails { Status = status, Title = title, Detail = detail, Type = type ?? $"https://functionszone.dev/problems/{title}" })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };

    public static IActionResult BadRequest(string code, string detail) => Create(StatusCodes.Status400BadRequest, code, detail);

    /// <summary>Runs a read and maps the domain's exceptions to problems.</summary>
    public static async Task<IActionResult> Guard(Func<Task<IActionResult>> action)
    {
        try { return await action(); }
        catch (LookupException e) { return Create(StatusCodes.Status404NotFound, e.Code, e.Message); }
        catch (SnapshotNotFoundException e) { return Create(StatusCodes.Status404NotFound, "not-found", e.Message); }
        catch (FormatException e) { return BadRequest("bad-request", e.Message); }
    }
}

/// <summary>JSON bodies with the project's one set of options (stable camelCase names, enums as words).</summary>
public static class Respond
{
    public static IActionResult Json(object? value, int status = StatusCodes.Status200OK) =>
        new JsonResult(value, FunctionsZone.Core.Json.Options) { StatusCode = status, ContentType = "application/json; charset=utf-8" };
}
