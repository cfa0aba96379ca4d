using System.Diagnostics;
using System.Text.Json;
using FunctionsZone.Host.Rpc.Messages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FunctionsZone.Host.Rpc;

/// <summary>
/// The InvocationRequests the host sends. With the ASP.NET Core integration the HTTP request itself goes to the
/// worker's HttpUri (with x-ms-invocation-id); the invocation carries the trigger metadata the worker binds other
/// parameters from: the route values by name (zones/{zone} → "zone"), Query and Headers, and sys. A timer invocation
/// carries the TimerInfo as JSON under the trigger parameter's name.
/// </summary>
public static class Invocations
{
    public static InvocationRequest Http(string functionId, string functionName, HttpRequest request, RouteValueDictionary routeValues)
    {
        var invocation = New(functionId, functionName);
        foreach (var (name, value) in routeValues)
            if (value is not null) invocation.TriggerMetadata[name] = new TypedData { String = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) };
        invocation.TriggerMetadata["Query"] = Json(request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()));
        invocation.TriggerMetadata["Headers"] = Json(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()));
        return invocation;
    }

    /// <summary>A timer run started by hand (--run-timer, POST /admin/functions/{name}): not past due, no schedule status.</summary>
    public static InvocationRequest Timer(string functionId, string functionName, string triggerParameter)
    {
        var invocation = New(functionId, functionName);
        var timer = Json(new { Schedule = new { AdjustForDST = true }, ScheduleStatus = (object?)null, IsPastDue = false });
        invocation.InputData.Add(new ParameterBinding { Name = triggerParameter, Data = timer });
        invocation.TriggerMetadata[triggerParameter] = timer;
        return invocation;
    }

    private static InvocationRequest New(string functionId, string functionName)
    {
        var invocation = new InvocationRequest
        {
            InvocationId = Guid.NewGuid().ToString(),
            FunctionId = functionId,
            TraceContext = new RpcTraceContext { TraceParent = $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01" },
        };
        invocation.TriggerMetadata["sys"] = Json(new { MethodName = functionName, UtcNow = DateTime.UtcNow, RandGuid = Guid.NewGuid() });
        return invocation;
    }

    private static TypedData Json(object value) => new() { Json = JsonSerializer.Serialize(value) };
}
