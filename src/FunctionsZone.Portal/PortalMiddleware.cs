using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace FunctionsZone.Portal;

/// <summary>
/// The portal in any ASP.NET Core pipeline: GET/HEAD of a file in web/dist (index.html for "/"), and the snapshot
/// container under <see cref="PortalOptions.SnapshotPrefix"/>. Everything else — /api, /admin, unknown paths —
/// goes on to the next handler, so the host's own 404 still answers what nobody serves.
/// </summary>
public sealed class PortalMiddleware
{
    private readonly RequestDelegate _next;
    private readonly PortalOptions _options;
    private readonly SnapshotProxy _snapshots;
    private readonly PhysicalFileProvider? _files;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public PortalMiddleware(RequestDelegate next, PortalOptions options, BlobContainerClient snapshots)
    {
        _next = next;
        _options = options;
        _snapshots = new SnapshotProxy(snapshots);
        _files = Directory.Exists(options.DistFolder) ? new PhysicalFileProvider(Path.GetFullPath(options.DistFolder)) : null;
    }

    public async Task InvokeAsync(HttpContext ctx)
    {
        var method = ctx.Request.Method;
        var path = ctx.Request.Path.Value ?? "/";
        if (!(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) || path.StartsWith("/api/", StringComparison.Ordinal) || path == "/api")
        {
            await _next(ctx);
            return;
        }
        if (path.StartsWith(_options.SnapshotPrefix, StringComparison.Ordinal))
        {
            await _snapshots.ServeAsync(ctx, path[_options.SnapshotPrefix.Length..]);
            return;
        }
        if (path == "/" && _files is null)
        {
            await PortalProblem.WriteAsync(ctx, 404, "portal-not-built",
                $"门户尚未构建：请运行 ./scripts/run.sh 或 (cd web && npm ci && npm run build)（{_options.DistFolder}） / " +
                $"The portal is not built: run ./scripts/run.sh or (cd web && npm ci && npm run build) ({_options.DistFolder})");
            return;
        }
        var file = _files?.GetFileInfo(path == "/" ? "/index.html" : path);
        if (file is null || !file.Exists || file.IsDirectory)
        {
            await _next(ctx);
            return;
        }
        await SendAsync(ctx, file, hashed: path.StartsWith("/assets/", StringComparison.Ordinal));
    }

    private static async Task SendAsync(HttpContext ctx, IFileInfo file, bool hashed)
    {
        var etag = $"\"{file.LastModified.UtcTicks:x}-{file.Length:x}\"";
        var response = ctx.Response;
        response.Headers.ContentSecurityPolicy = PortalSecurity.HeaderPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ETag = etag;
        // Vite names assets by content hash: they never change. index.html and config.json are checked every time.
        response.Headers.CacheControl = hashed ? "public, max-age=31536000, immutable" : "no-cache";
        if (ctx.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
        if (response.ContentType.StartsWith("text/", StringComparison.Ordinal) || response.ContentType.Contains("javascript") || response.ContentType.Contains("json"))
            response.ContentType += "; charset=utf-8";
        response.ContentLength = file.Length;
        if (HttpMethods.IsHead(ctx.Request.Method)) return;
        await response.SendFileAsync(file, ctx.RequestAborted);
    }
}

public static class PortalApplicationBuilderExtensions
{
    /// <summary>Serves the portal and the snapshot container; put it before the host's 404 fallback.</summary>
    public static IApplicationBuilder UsePortal(this IApplicationBuilder app, PortalOptions options, BlobContainerClient snapshots) =>
        app.UseMiddleware<PortalMiddleware>(options, snapshots);
}
