using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FunctionsZone.Functions.Http;

/// <summary>A page of a list and the token for the next one (absent on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, string? ContinuationToken);

/// <summary>
/// Paging with an opaque continuation token (?continuationToken=…&amp;pageSize=…, default 100, at most 1000).
/// The token is the offset of the next item; lists are read from an immutable snapshot, so offsets stay valid.
/// </summary>
public static class Paging
{
    public const int DefaultSize = 100, MaxSize = 1000;

    public static bool TryPage<T>(HttpRequest req, IReadOnlyList<T> all, out Page<T> page, out IActionResult? problem)
    {
        page = new Page<T>([], all.Count, null);
        problem = null;
        var size = DefaultSize;
        var sizeText = req.Query["pageSize"].ToString();
        if (sizeText.Length > 0 && (!int.TryParse(sizeText, out size) || size < 1 || size > MaxSize))
        {
            problem = Problems.BadRequest("bad-page-size", $"pageSize 应为 1–{MaxSize} 的整数 / pageSize must be an integer from 1 to {MaxSize}, not '{sizeText}'");
            return false;
        }
        var offset = 0;
        var token = req.Query["continuationToken"].ToString();
        if (token.Length > 0 && !TryDecode(token, out offset))
        {
            problem = Problems.BadRequest("bad-continuation-token", "continuationToken 无效，请使用上一页返回的值 / The continuationToken is not one this API returned");
            return false;
        }
        var items = all.Skip(offset).Take(size).ToList();
        var next = offset + items.Count < all.Count ? Encode(offset + items.Count) : null;
        page = new Page<T>(items, all.Count, next);
        return true;
    }

    public static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"o:{offset}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string token, out int offset)
    {
        offset = 0;
        try
        {
            var b64 = token.Replace('-', '+').Replace('_', '/');
            b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64));
            return text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], out offset) && offset >= 0;
        }
        catch (FormatException) { return false; }
    }
}

/// <summary>?lang=zh|en picks the language of the "name" fields; both names are always in the body too.</summary>
public static class Lang
{
    public static bool TryParse(HttpRequest req, out bool english, out IActionResult? problem)
    {
        var v = req.Query["lang"].ToString().ToLowerInvariant();
        english = v == "en";
        problem = v is "" or "zh" or "en" ? null
            : Problems.BadRequest("bad-lang", $"lang 应为 zh 或 en / lang must be zh or en, not '{req.Query["lang"]}'");
        return problem is null;
    }

    public static string Pick(bool english, string zh, string? en) => english && !string.IsNullOrEmpty(en) ? en : zh;
}
