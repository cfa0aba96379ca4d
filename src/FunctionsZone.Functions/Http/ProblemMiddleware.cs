using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace FunctionsZone.Functions.Http;

/// <summary>
/// Worker middleware: an exception from an HTTP function becomes its problem+json (Problems.FromException) as the
/// invocation's result, which the ASP.NET Core integration then writes; every 500 is logged with its exception.
/// Exceptions of other triggers (the timer) go on to the host, which records the run as failed.
/// </summary>
public sealed class ProblemMiddleware(ILogger<ProblemMiddleware> log) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (IsHttp(context))
        {
            var inner = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e;
            var problem = Problems.FromException(inner);
            if (problem is null) throw;
            if (problem is BytesResult { StatusCode: >= 500 } r)
                log.LogError(inner, "{Function} failed with {Status}", context.FunctionDefinition.Name, r.StatusCode);
            context.GetInvocationResult().Value = problem;
        }
    }

    private static bool IsHttp(FunctionContext context) =>
        context.FunctionDefinition.InputBindings.Values.Any(b => b.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase));
}
