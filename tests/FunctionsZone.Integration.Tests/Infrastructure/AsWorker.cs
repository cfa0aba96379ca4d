using FunctionsZone.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>For tests that call a function method themselves: its exception becomes its problem, as ProblemMiddleware does in the worker.</summary>
public static class AsWorker
{
    public static async Task<IActionResult> InvokeAsync(Func<Task<IActionResult>> function)
    {
        try { return await function(); }
        catch (Exception e) when (Problems.FromException(e) is { } problem) { return problem; }
    }
}
