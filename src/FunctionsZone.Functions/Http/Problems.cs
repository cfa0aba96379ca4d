using System.Security.Cryptography;
using System.Text.Json;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core;

namespace FunctionsZone.Functions.Http;

/// <summary>RFC 7807 problem+json for every error; no stack trace leaves the server.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json; charset=utf-8";

    public static IActionResult Create(int status, string title, string detail, string? type = null) =>
        new BytesResult(JsonSerializer.SerializeToUtf8Bytes(new ProblemDetails
        {
            Status = status, Title = title, Detail = detail, Type = type ?? $"https://functionszone.dev/problems/{title}",
        }, FunctionsZone.Core.Json.Options), ContentType, status);

    public static IActionResult BadRequest(string code, string detail) => Create(StatusCodes.Status400BadRequest, code, detail);

    public static IActionResult BadPeriod(string? text) => BadRequest("bad-period",
        $"期间「{text}」格式错误，应为 2022-05 或 2021 / Bad period '{text}': expected 2022-05 or 2021");

    /// <summary>
    /// The one mapping of an exception to its problem (ProblemMiddleware applies it to every HTTP function): the
    /// domain's lookups are 404, malformed input 400, storage out of reach 503 and a held pipeline 409 (both with
    /// Retry-After); anything else is a 500 without details, and null for a cancelled request.
    /// </summary>
    public static IActionResult? FromException(Exception e) => e switch
    {
        LookupException l => Create(StatusCodes.Status404NotFound, l.Code, l.Message),
        SnapshotNotFoundException s => Create(StatusCodes.Status404NotFound, "not-found", s.Message),
        FormatException f => BadRequest("bad-request", f.Message),
        JsonException => BadRequest("malformed-body", "请求体不是有效的 JSON / The request body is not valid JSON"),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } b =>
            Create(b.StatusCode, "too-large", "请求体超过上限 / The request body is over the limit"),
        BadHttpRequestException b => Create(b.StatusCode, "bad-request", "请求无效 / The request is malformed"),
        // A snapshot object missing or not matching its hash: a storage fault (503), never a 404 "unknown zone".
        SnapshotIntegrityException d => WithRetryAfter(Create(StatusCodes.Status503ServiceUnavailable, "snapshot-damaged", d.Message), d.RetryAfter),
        StorageUnavailableException u => WithRetryAfter(Create(StatusCodes.Status503ServiceUnavailable, "storage-unavailable",
            "存储暂时无法访问，请稍后重试 / Storage is unreachable for now; please try again later"), u.RetryAfter),
        PipelineBusyException b => WithRetryAfter(Create(StatusCodes.Status409Conflict, "pipeline-busy", b.Message), b.RetryAfter),
        OperationCanceledException => null,
        _ => Internal(),
    };

    /// <summary>503 with Retry-After: every place for an upload held in memory is taken (UploadGate).</summary>
    public static IActionResult UploadsBusy(TimeSpan retryAfter) => WithRetryAfter(Create(StatusCodes.Status503ServiceUnavailable, "uploads-busy",
        "同时上传的文件过多，请稍后重试 / Too many uploads at once; please try again later"), retryAfter);

    private static IActionResult WithRetryAfter(IActionResult problem, TimeSpan after) =>
        ((BytesResult)problem).WithHeader("Retry-After", ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static IActionResult Internal() => Create(StatusCodes.Status500InternalServerError, "internal-error",
        "服务器内部错误，请稍后重试 / An internal error occurred; please try again later");
}

/// <summary>JSON bodies with the project's one set of options (stable camelCase names, enums as words).</summary>
public static class Respond
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public static IActionResult Json(object? value, int status = StatusCodes.Status200OK) =>
        new BytesResult(JsonSerializer.SerializeToUtf8Bytes(value, FunctionsZone.Core.Json.Options), JsonContentType, status);

    /// <summary>
    /// A read: the body's SHA-256 is its ETag, so a client that sends it back in If-None-Match gets 304 and no body.
    /// Reads are cacheable briefly; portals revalidate with the ETag.
    /// </summary>
    public static IActionResult Read(HttpRequest req, object? value) =>
        Read(req, JsonSerializer.SerializeToUtf8Bytes(value, FunctionsZone.Core.Json.Options), JsonContentType);

    /// <summary>
    /// Any read's bytes (JSON, a briefing, the OpenAPI document) under the one ETag rule: SHA-256 of the body, 304 when
    /// If-None-Match names it. <paramref name="extra"/> adds headers (Content-Disposition).
    /// </summary>
    public static IActionResult Read(HttpRequest req, byte[] body, string contentType, int maxAgeSeconds = 60, IReadOnlyDictionary<string, string>? extra = null)
    {
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"";
        var headers = new Dictionary<string, string>(extra ?? new Dictionary<string, string>())
        {
            ["ETag"] = etag, ["Cache-Control"] = $"public, max-age={maxAgeSeconds}",
        };
        if (Matches(req.Headers.IfNoneMatch.ToString(), etag))
            return new BytesResult([], null, StatusCodes.Status304NotModified, headers);
        return new BytesResult(body, contentType, StatusCodes.Status200OK, headers);
    }

    private static bool Matches(string ifNoneMatch, string etag) =>
        !string.IsNullOrWhiteSpace(ifNoneMatch) && ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t =>
            t == "*" || t == etag || (t.StartsWith("W/", StringComparison.Ordinal) && t[2..] == etag));
}

/// <summary>Bytes with a status, content type and headers; needs no MVC formatters, so every host writes it the same way.</summary>
public sealed class BytesResult(byte[] body, string? contentType, int status, IReadOnlyDictionary<string, string>? headers = null) : IActionResult
{
    public byte[] Body { get; } = body;
    public int StatusCode { get; } = status;

    /// <summary>The same result with one more header.</summary>
    public BytesResult WithHeader(string name, string value) =>
        new(Body, contentType, StatusCode, new Dictionary<string, string>(headers ?? new Dictionary<string, string>()) { [name] = value });

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) response.Headers[k] = v;
        if (StatusCode == StatusCodes.Status304NotModified) return;
        if (contentType is not null) response.ContentType = contentType;
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, context.HttpContext.RequestAborted);
    }
}
