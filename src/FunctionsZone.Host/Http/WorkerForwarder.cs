using System.Net;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace FunctionsZone.Host.Http;

/// <summary>
/// Forwards an HTTP request to the worker's own HTTP server (its HttpUri capability), streaming both bodies, with the
/// x-ms-invocation-id header that ties it to the InvocationRequest — the ASP.NET Core integration's contract.
/// </summary>
public sealed class WorkerForwarder(IHttpForwarder forwarder, Uri workerUri) : IDisposable
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        EnableMultipleHttp2Connections = true,
    });

    private static readonly ForwarderRequestConfig Config = new() { ActivityTimeout = TimeSpan.FromMinutes(10) };

    public ValueTask<ForwarderError> ForwardAsync(HttpContext http, string invocationId) =>
        forwarder.SendAsync(http, workerUri.ToString(), _client, Config, new InvocationTransformer(invocationId));

    public void Dispose() => _client.Dispose();

    private sealed class InvocationTransformer(string invocationId) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            proxyRequest.Headers.Remove(InvocationIdHeader);
            proxyRequest.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);
        }
    }
}
