using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace FunctionsZone.Cli.Serve;

/// <summary>
/// Kestrel refuses a query string with raw UTF-8 bytes (400, no body), but people type
/// <c>curl '127.0.0.1:7071/api/rankings?group=聊城市…'</c> and curl sends the bytes as they are. For fz serve, the
/// first request line of each connection has its non-ASCII bytes percent-encoded before Kestrel parses it, which is
/// what a browser would have sent. Only that line is touched: headers and bodies pass through unchanged, and later
/// requests on a kept-alive connection are as the client sent them (HttpClient and browsers encode already).
/// </summary>
public static class RawUtf8RequestLine
{
    public static Func<ConnectionDelegate, ConnectionDelegate> Middleware => next => async connection =>
    {
        var original = connection.Transport;
        var pipe = new Pipe();
        connection.Transport = new Duplex(pipe.Reader, original.Output);
        var pump = PumpAsync(original.Input, pipe.Writer);
        try { await next(connection); }
        finally
        {
            original.Input.CancelPendingRead();
            await pump;
            connection.Transport = original;
        }
    };

    private static async Task PumpAsync(PipeReader input, PipeWriter output)
    {
        var firstLine = true;
        Exception? error = null;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                if (result.IsCanceled) break;
                foreach (var segment in result.Buffer)
                {
                    if (!firstLine) { await output.WriteAsync(segment); continue; }
                    var span = segment.Span;
                    var end = span.IndexOf((byte)'\n');
                    var line = end < 0 ? span : span[..(end + 1)];
                    output.Write(Encode(line));
                    if (end >= 0)
                    {
                        firstLine = false;
                        output.Write(span[(end + 1)..]);
                    }
                    await output.FlushAsync();
                }
                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted) break;
            }
        }
        catch (Exception e) { error = e; }
        await output.CompleteAsync(error);
    }

    private static byte[] Encode(ReadOnlySpan<byte> line)
    {
        var buffer = new ArrayBufferWriter<byte>(line.Length * 3);
        foreach (var b in line)
        {
            if (b < 0x80) buffer.Write([b]);
            else buffer.Write([(byte)'%', (byte)"0123456789ABCDEF"[b >> 4], (byte)"0123456789ABCDEF"[b & 0xF]]);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private sealed class Duplex(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }
}
