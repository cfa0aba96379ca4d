using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage.Incoming;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsZone.Functions.Http;

/// <summary>Writes: post a file for ingest, recompute a period, publish, run the whole cycle. Each needs a function key.</summary>
public sealed class WriteFunctions(MonthlyPipeline pipeline, DropFolder dropFolder, IngestOptions options)
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
        if (req.ContentLength > options.MaxFileBytes)
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "too-large", $"文件超过 {options.MaxFileBytes:N0} 字节上限 / The file is over the limit of {options.MaxFileBytes:N0} bytes");
        var encoding = req.Query["encoding"].ToString();
        if (encoding.Length > 0)
        {
            try { TextDecoding.Resolve(encoding); }
            catch (ArgumentException e) { return Problems.BadRequest("bad-encoding", e.Message); }
        }
        // Read with a cap, chunk by chunk: a chunked upload (no Content-Length) is refused once it passes the limit,
        // never buffered whole first.
        var body = await ReadCappedAsync(req.Body, options.MaxFileBytes, ct);
        if (body is null)
        {
            // Closed after the answer, so the server does not go on draining what the client still sends.
            req.HttpContext.Response.Headers.Connection = "close";
            return Problems.Create(StatusCodes.Status413PayloadTooLarge, "too-large", $"文件超过 {options.MaxFileBytes:N0} 字节上限 / The file is over the limit of {options.MaxFileBytes:N0} bytes");
        }
        var summary = await pipeline.IngestAsync(new InputFile(name, body) { EncodingName = encoding.Length > 0 ? encoding : null }, options with
        {
            DryRun = Flag(req, "dryRun"), AllowPartial = Flag(req, "allowPartial"),
        }, ct);
        return Respond.Json(summary, summary.Status == ImportStatus.Error ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
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
