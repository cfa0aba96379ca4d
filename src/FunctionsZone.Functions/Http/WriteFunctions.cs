using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage.Incoming;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Functions.Http;

/// <summary>Writes: post a file for ingest, recompute a period, publish, run the whole cycle. Each needs a function key.</summary>
public sealed class WriteFunctions(MonthlyPipeline pipeline, DropFolder dropFolder, IngestOptions options, UploadGate gate)
{
    /// <summary>POST /api/ingest?file=name.csv[&amp;dryRun=true][&amp;allowPartial=true][&amp;encoding=gbk] with the file as the body.</summary>
    [Function("PostIngest")]
    public Task<IActionResult> Ingest([HttpTrigger(AuthorizationLevel.Function, "post", Route = "ingest")] HttpRequest req, CancellationToken ct) =>
        IngestAsync(req, ct);

    private async Task<IActionResult> IngestAsync(HttpRequest req, CancellationToken ct)
    {
        var name = req.Query["file"].ToString();
        if (string.IsNullOrWhiteSpace(name))
            return Problems.BadRequest("missing-parameter", "需要参数 file（文件名，如 2022-05.csv） / The file parameter (a name such as 2022-05.csv) is required");
        var encoding = req.Query["encoding"].ToString();
        if (encoding.Length > 0)
        {
            try { TextDecoding.Resolve(encoding); }
            catch (ArgumentException e) { return Problems.BadRequest("bad-encoding", e.Message); }
        }
        // Not Kestrel's own 30 MB cap, which would cut the drain of an oversized body short: MaxFileBytes bounds what is
        // kept, DrainBytes what is read and dropped.
        if (req.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = null;
        if (req.ContentLength > options.MaxFileBytes) return await TooLargeAsync(req, ct);

        IActionResult? answer;
        using (var place = await gate.EnterAsync(ct))
        {
            if (place is null) return Problems.UploadsBusy(TimeSpan.FromSeconds(Math.Max(1, gate.Options.UploadWaitSeconds)));
            answer = await ReadAndIngestAsync(req, new InputFile(name, []) { EncodingName = encoding.Length > 0 ? encoding : null }, ct);
        }
        return answer ?? await TooLargeAsync(req, ct);
    }

    /// <summary>
    /// Reads the body with the cap, chunk by chunk (a chunked upload is refused once it passes the limit, never buffered
    /// whole first), and imports it; null when it is over the limit. The body lives only in this call, so it is garbage
    /// once the upload leaves the gate.
    /// </summary>
    private async Task<IActionResult?> ReadAndIngestAsync(HttpRequest req, InputFile file, CancellationToken ct)
    {
        var body = await ReadCappedAsync(req.Body, options.MaxFileBytes, ct);
        if (body is null) return null;
        var summary = await pipeline.IngestAsync(file with { Content = body }, options with
        {
            DryRun = Flag(req, "dryRun"), AllowPartial = Flag(req, "allowPartial"),
        }, ct);
        return Respond.Json(summary, summary.Status == ImportStatus.Error ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    /// <summary>
    /// 413, after reading and dropping the rest of the body (up to <see cref="DrainBytes"/>): a server that closes with
    /// request bytes unread resets the connection, and a proxy in front (the host) loses the answer and gives a bare 500
    /// (issue 31 #12). Past DrainBytes the connection is closed after the answer instead.
    /// </summary>
    private async Task<IActionResult> TooLargeAsync(HttpRequest req, CancellationToken ct)
    {
        if (!await DrainAsync(req.Body, DrainBytes, ct)) req.HttpContext.Response.Headers.Connection = "close";
        return Problems.Create(StatusCodes.Status413PayloadTooLarge, "too-large", $"文件超过 {options.MaxFileBytes:N0} 字节上限 / The file is over the limit of {options.MaxFileBytes:N0} bytes");
    }

    /// <summary>The most of an oversized body read and dropped: the host's own cap on a request body (100 MB).</summary>
    public const long DrainBytes = 100L * 1024 * 1024;

    /// <summary>Reads and drops the body to its end; false if it goes on past <paramref name="limit"/> bytes.</summary>
    public static async Task<bool> DrainAsync(Stream body, long limit, CancellationToken ct)
    {
        var scratch = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = await body.ReadAsync(scratch, ct)) > 0)
            if ((total += n) > limit) return false;
        return true;
    }

    [Function("PostRecompute")]
    public async Task<IActionResult> Recompute([HttpTrigger(AuthorizationLevel.Function, "post", Route = "recompute")] HttpRequest req, CancellationToken ct)
    {
        if (!Period.TryParse(req.Query["period"], out var period)) return Problems.BadPeriod(req.Query["period"]);
        var r = await pipeline.RecomputeAsync(period, ct);
        return Respond.Json(new { period = r.Period, rankings = r.Rankings.Count, targets = r.Targets.Count });
    }

    [Function("PostPublish")]
    public async Task<IActionResult> Publish([HttpTrigger(AuthorizationLevel.Function, "post", Route = "publish")] HttpRequest req, CancellationToken ct)
    {
        var pointer = await pipeline.PublishAsync(ct);
        return Respond.Json(new { published = pointer is not null, snapshot = pointer });
    }

    /// <summary>What the timer does, on demand: process the incoming container, recompute, publish.</summary>
    [Function("PostRun")]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "run")] HttpRequest req, CancellationToken ct) =>
        Respond.Json(await dropFolder.ProcessAsync(pipeline, options, ct));

    /// <summary>The body, or null as soon as it passes <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadCappedAsync(Stream body, long limit, CancellationToken ct)
    {
        var chunks = new List<byte[]>();
        long total = 0;
        while (true)
        {
            var chunk = new byte[64 * 1024];
            var filled = 0;
            int n;
            while (filled < chunk.Length && (n = await body.ReadAsync(chunk.AsMemory(filled), ct)) > 0) filled += n;
            total += filled;
            if (total > limit) return null;
            if (filled > 0) chunks.Add(filled == chunk.Length ? chunk : chunk[..filled]);
            if (filled < chunk.Length) break;
        }
        var all = new byte[total];
        var at = 0;
        foreach (var c in chunks) { c.CopyTo(all, at); at += c.Length; }
        return all;
    }

    private static bool Flag(HttpRequest req, string name) =>
        req.Query[name].ToString() is { Length: > 0 } v && (v == "1" || v.Equals("true", StringComparison.OrdinalIgnoreCase));
}
