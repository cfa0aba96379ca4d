using System.Collections.Concurrent;
using System.Threading.Channels;
using FunctionsZone.Host.Rpc.Messages;
using Grpc.Core;

namespace FunctionsZone.Host.Rpc;

/// <summary>
/// The host's end of the worker's EventStream: one bidirectional stream, opened by the worker with StartStream.
/// Requests go out through one writer; each answer is matched to its request (init and metadata by request id,
/// loads by function id, invocations by invocation id). RpcLog messages are handed to <see cref="Log"/>.
/// </summary>
public sealed class WorkerChannel
{
    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new();
    private readonly TaskCompletionSource<StartStream> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _connected;

    public event Action<RpcLog>? Log;

    /// <summary>Completes with the worker's StartStream.</summary>
    public Task<StartStream> Started => _started.Task;

    /// <summary>Completes when the stream ends (the worker went away).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Runs one EventStream call for as long as the worker keeps it open.</summary>
    internal async Task RunAsync(IAsyncStreamReader<StreamingMessage> incoming, IServerStreamWriter<StreamingMessage> outgoing, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _connected, 1) == 1)
            throw new Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "a worker is already connected"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writer = WriteAsync(outgoing, stop.Token);
        try
        {
            await foreach (var message in incoming.ReadAllAsync(ct)) Dispatch(message);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or Grpc.Core.RpcException) { }
        finally
        {
            stop.Cancel();
            try { await writer; } catch (OperationCanceledException) { }
            var gone = new WorkerGoneException();
            foreach (var p in _pending.Values) p.TrySetException(gone);
            _started.TrySetException(gone);
            _closed.TrySetResult();
        }
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> outgoing, CancellationToken ct)
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync(ct)) await outgoing.WriteAsync(message, ct);
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream: _started.TrySetResult(message.StartStream); break;
            case StreamingMessage.ContentOneofCase.RpcLog: Log?.Invoke(message.RpcLog); break;
            case StreamingMessage.ContentOneofCase.WorkerInitResponse:
            case StreamingMessage.ContentOneofCase.FunctionMetadataResponse: Complete(RequestKey(message.RequestId), message); break;
            case StreamingMessage.ContentOneofCase.FunctionLoadResponse: Complete(LoadKey(message.FunctionLoadResponse.FunctionId), message); break;
            case StreamingMessage.ContentOneofCase.InvocationResponse: Complete(InvocationKey(message.InvocationResponse.InvocationId), message); break;
        }
    }

    private void Complete(string key, StreamingMessage message)
    {
        if (_pending.TryRemove(key, out var waiting)) waiting.TrySetResult(message);
    }

    public async Task<WorkerInitResponse> InitAsync(WorkerInitRequest request, CancellationToken ct) =>
        (await RequestAsync(new StreamingMessage { WorkerInitRequest = request }, ct)).WorkerInitResponse;

    public async Task<FunctionMetadataResponse> MetadataAsync(FunctionsMetadataRequest request, CancellationToken ct) =>
        (await RequestAsync(new StreamingMessage { FunctionsMetadataRequest = request }, ct)).FunctionMetadataResponse;

    public async Task<FunctionLoadResponse> LoadAsync(FunctionLoadRequest request, CancellationToken ct) =>
        (await SendAsync(LoadKey(request.FunctionId), new StreamingMessage { FunctionLoadRequest = request }, ct)).FunctionLoadResponse;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken ct) =>
        (await SendAsync(InvocationKey(request.InvocationId), new StreamingMessage { InvocationRequest = request }, ct)).InvocationResponse;

    /// <summary>Tells the worker the caller gave up on an invocation (the client went away).</summary>
    public void Cancel(string invocationId) =>
        _outgoing.Writer.TryWrite(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });

    /// <summary>Asks the worker to shut down by itself within the grace period.</summary>
    public void Terminate(TimeSpan grace) =>
        _outgoing.Writer.TryWrite(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(grace) } });

    private Task<StreamingMessage> RequestAsync(StreamingMessage message, CancellationToken ct)
    {
        message.RequestId = Guid.NewGuid().ToString();
        return SendAsync(RequestKey(message.RequestId), message, ct);
    }

    private async Task<StreamingMessage> SendAsync(string key, StreamingMessage message, CancellationToken ct)
    {
        if (_closed.Task.IsCompleted) throw new WorkerGoneException();
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(key, answer)) throw new InvalidOperationException($"duplicate request {key}");
        if (string.IsNullOrEmpty(message.RequestId)) message.RequestId = Guid.NewGuid().ToString();
        await _outgoing.Writer.WriteAsync(message, ct);
        using (ct.Register(() => { if (_pending.TryRemove(key, out var p)) p.TrySetCanceled(ct); }))
            return await answer.Task;
    }

    private static string RequestKey(string requestId) => "request:" + requestId;
    private static string LoadKey(string functionId) => "load:" + functionId;
    private static string InvocationKey(string invocationId) => "invocation:" + invocationId;
}

/// <summary>The worker closed its stream or exited.</summary>
public sealed class WorkerGoneException() : Exception("函数工作进程已断开 / the functions worker disconnected");

/// <summary>The gRPC service the worker dials: hands its EventStream to the one <see cref="WorkerChannel"/>.</summary>
internal sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
        channel.RunAsync(requestStream, responseStream, context.CancellationToken);
}
