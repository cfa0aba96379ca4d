using System.Net.Sockets;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core;

namespace FunctionsZone.Storage;

/// <summary>
/// Outermost in every client's pipeline (outside the retries): when storage did not answer within the retry budget
/// (NetworkTimeout × tries), or answered only with server errors, the call ends in one StorageUnavailableException
/// naming the host — not an AggregateException of transport errors. Every host maps it once (CLI exit 3, HTTP 503).
/// </summary>
public sealed class StorageFaultPolicy(int tries) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try { ProcessNext(message, pipeline); }
        catch (Exception e) when (IsUnreachable(e, message)) { throw Unavailable(message, e); }
        ThrowOnServerError(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try { await ProcessNextAsync(message, pipeline).ConfigureAwait(false); }
        catch (Exception e) when (IsUnreachable(e, message)) { throw Unavailable(message, e); }
        ThrowOnServerError(message);
    }

    private void ThrowOnServerError(HttpMessage message)
    {
        // 500/503 were retried with back-off already; still failing, storage is not serving.
        if (message.HasResponse && message.Response.Status is 500 or 502 or 503 or 504)
            throw Unavailable(message, new RequestFailedException(message.Response));
    }

    public static bool IsUnreachable(Exception e, HttpMessage message) => e switch
    {
        StorageUnavailableException => false,
        AggregateException a => a.InnerExceptions.All(i => IsUnreachable(i, message)),
        // A cancellation the caller did not ask for is the network timeout.
        OperationCanceledException => !message.CancellationToken.IsCancellationRequested,
        RequestFailedException r => r.Status == 0 || r.InnerException is not null && IsUnreachable(r.InnerException, message),
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    private StorageUnavailableException Unavailable(HttpMessage message, Exception inner)
    {
        var host = message.Request.Uri.Host + ":" + message.Request.Uri.Port;
        return new StorageUnavailableException(
            $"存储无法访问：{host} 在 {tries} 次尝试内未应答（Azurite 是否已启动？） / Storage is unavailable: {host} did not answer in {tries} tries (is Azurite running?)",
            inner);
    }
}
