using FunctionsZone.Host.Rpc;
using FunctionsZone.Host.Rpc.Messages;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace FunctionsZone.Host.Http;

/// <summary>
/// A request to a function's route: the key is checked (401, empty), then an InvocationRequest goes to the worker and
/// the request itself is forwarded to the worker's HttpUri, which answers it. An invocation that fails before the
/// function answered is a bare 500, as on the host; a worker that is gone is 503; a body over the host's cap is 413.
/// </summary>
internal sealed class FunctionRequests(FunctionsHost host, IHttpForwarder forwarder) : IDisposable
{
    private readonly RouteTable _routes = new(host.Metadata);
    private readonly WorkerForwarder _forwarder = new(forwarder, host.WorkerHttpUri);

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (_routes.Match(http.Request.Path.Value ?? "/", http.Request.Method) is not var (function, values))
        {
            await next(http);
            return;
        }
        if (!host.Keys.Allows(http.Request, function.AuthLevel))
        {
            await HttpFront.Empty(StatusCodes.Status401Unauthorized)(http);
            return;
        }
        if (!host.TryGetFunctionId(function.Name, out var functionId) || !host.IsWorkerRunning)
        {
            await HttpFront.Empty(StatusCodes.Status503ServiceUnavailable)(http);
            return;
        }

        var request = Invocations.Http(functionId, function.Name, http.Request, values);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var clientAborted = http.RequestAborted;
        http.RequestAborted = abort.Token;
        var invocation = host.Channel.InvokeAsync(request, CancellationToken.None);
        // A failed invocation may never answer the forwarded request: stop waiting for it then.
        _ = invocation.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully && t.Result.Result?.Status == StatusResult.Types.Status.Success) return;
            try { abort.Cancel(); } catch (ObjectDisposedException) { }
        }, TaskScheduler.Default);

        var error = await _forwarder.ForwardAsync(http, request.InvocationId);
        if (clientAborted.IsCancellationRequested)
        {
            host.Channel.Cancel(request.InvocationId);
            return;
        }
        InvocationResponse? response = null;
        try { response = await invocation.WaitAsync(TimeSpan.FromMinutes(10)); }
        catch (Exception e) when (e is WorkerGoneException or TimeoutException) { }
        var failed = response?.Result?.Status != StatusResult.Types.Status.Success;
        if (failed) host.ReportFailure(function.Name, request.InvocationId, response);
        if ((error != ForwarderError.None || failed) && !http.Response.HasStarted)
        {
            http.Response.Clear();
            await (OverTheCap(http) ? HttpFront.TooLarge
                : HttpFront.Empty(response is null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError))(http);
        }
    }

    /// <summary>The forward failed because the client's body passed the host's cap (Kestrel's 413 while it was read).</summary>
    private static bool OverTheCap(HttpContext http)
    {
        for (var e = http.Features.Get<IForwarderErrorFeature>()?.Exception; e is not null; e = e.InnerException)
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) return true;
        return false;
    }

    public void Dispose() => _forwarder.Dispose();
}
