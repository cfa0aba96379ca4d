using System.IO.Compression;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.Http;

namespace FunctionsZone.Portal;

/// <summary>
/// Serves the snapshot container the way a CDN or the storage account's static endpoint does: the stored blob
/// streamed as it is (gzip, with its Content-Encoding, Content-Type, Cache-Control and ETag), 304 for a matching
/// If-None-Match. The path comes from the address bar, so it is checked before it reaches storage.
/// </summary>
public sealed partial class SnapshotProxy(BlobContainerClient container)
{
    // latest.json, objects/…/{sha256}.json|.md|.docx (the briefings beside the zone pages), versions/{version}/…json,
    // v/{version}/… of older versions: ASCII segments only, never "." or "..".
    [GeneratedRegex(@"^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\.json|\.md|\.docx)$")]
    private static partial Regex SafePath();

    public static bool IsSafe(string path) => path.Length <= 400 && !path.Contains("..") && SafePath().IsMatch(path);

    public async Task ServeAsync(HttpContext ctx, string path)
    {
        if (!IsSafe(path))
        {
            await PortalProblem.WriteAsync(ctx, 404, "not-found", $"没有快照文件「{path}」 / No snapshot file '{path}'");
            return;
        }
        var ifNoneMatch = ctx.Request.Headers.IfNoneMatch.ToString();
        BlobDownloadStreamingResult blob;
        try
        {
            var options = new BlobDownloadOptions();
            if (ifNoneMatch.Length > 0 && ifNoneMatch != "*")
                options.Conditions = new BlobRequestConditions { IfNoneMatch = new ETag(ifNoneMatch.Split(',')[0].Trim()) };
            var download = await container.GetBlobClient(path).DownloadStreamingAsync(options, ctx.RequestAborted);
            // A met If-None-Match comes back as a 304 response without a body, not as an exception.
            if (download.GetRawResponse().Status == 304) throw new RequestFailedException(304, "not modified");
            blob = download.Value;
        }
        catch (RequestFailedException e) when (e.Status == 304)
        {
            ctx.Response.StatusCode = StatusCodes.Status304NotModified;
            ctx.Response.Headers.ETag = ifNoneMatch;
            return;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await PortalProblem.WriteAsync(ctx, 404, "not-found", $"没有快照文件「{path}」 / No snapshot file '{path}'");
            return;
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or AggregateException)
        {
            ctx.Response.Headers.RetryAfter = "5";
            await PortalProblem.WriteAsync(ctx, 503, "storage-unavailable", "存储暂不可用，请稍后再试 / Storage is unavailable, try again shortly");
            return;
        }

        await using var content = blob.Content;
        var details = blob.Details;
        var response = ctx.Response;
        response.ContentType = details.ContentType ?? "application/json; charset=utf-8";
        if (details.CacheControl is { Length: > 0 } cache) response.Headers.CacheControl = cache;
        response.Headers.ETag = details.ETag.ToString("H");
        response.Headers.Vary = "Accept-Encoding";
        var gzipped = string.Equals(details.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase);
        if (gzipped && !AcceptsGzip(ctx.Request))
        {
            // A client that cannot take gzip (curl without --compressed) gets the JSON itself.
            if (HttpMethods.IsHead(ctx.Request.Method)) return;
            await using var plain = new GZipStream(content, CompressionMode.Decompress);
            await plain.CopyToAsync(response.Body, ctx.RequestAborted);
            return;
        }
        if (details.ContentEncoding is { Length: > 0 } encoding) response.Headers.ContentEncoding = encoding;
        response.ContentLength = details.ContentLength;
        if (HttpMethods.IsHead(ctx.Request.Method)) return;
        await content.CopyToAsync(response.Body, ctx.RequestAborted);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
}
