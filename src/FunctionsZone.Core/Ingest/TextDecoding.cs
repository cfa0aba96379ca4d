using System.Text;

namespace FunctionsZone.Core.Ingest;

/// <summary>
/// Turns a received file's bytes into text without being told the encoding: a byte-order mark first
/// (UTF-8, UTF-32 LE/BE, UTF-16 LE/BE), then UTF-32 or UTF-16 told by their zero bytes, then a strict UTF-8 decode, and failing that GB18030 — the superset of GBK and
/// GB2312 that Excel's "CSV" uses on a Chinese Windows. An explicit name (fz ingest --encoding, ?encoding=)
/// overrides the guess.
/// </summary>
public static class TextDecoding
{
    static TextDecoding()
    {
        // GB18030 / GBK live in the code-pages provider, not in the default set of .NET encodings.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The encoding used and the text; the name is reported back in the import summary.</summary>
    public static (string Text, string EncodingName) Decode(byte[] bytes, string? encodingName = null)
    {
        if (!string.IsNullOrWhiteSpace(encodingName))
        {
            var forced = Resolve(encodingName);
            var preamble = forced.GetPreamble();
            var skip = preamble.Length > 0 && bytes.AsSpan().StartsWith(preamble) ? preamble.Length : 0;
            return (forced.GetString(bytes, skip, bytes.Length - skip), forced.WebName);
        }
        var span = bytes.AsSpan();
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), "utf-8");
        // UTF-32 before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one.
        if (span.StartsWith(new byte[] { 0xFF, 0xFE, 0x00, 0x00 })) return (Utf32Le.GetString(bytes, 4, bytes.Length - 4), "utf-32");
        if (span.StartsWith(new byte[] { 0x00, 0x00, 0xFE, 0xFF })) return (Utf32Be.GetString(bytes, 4, bytes.Length - 4), "utf-32BE");
        if (LooksLikeUtf32WithoutBom(span, out var utf32)) return (utf32!.GetString(bytes), utf32 == Utf32Le ? "utf-32" : "utf-32BE");
        if (span.StartsWith(new byte[] { 0xFF, 0xFE })) return (Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "utf-16");
        if (span.StartsWith(new byte[] { 0xFE, 0xFF })) return (Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "utf-16BE");
        if (LooksLikeUtf16WithoutBom(span, out var utf16)) return (utf16!.GetString(bytes), utf16.WebName);
        try
        {
            return (StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Gb18030.GetString(bytes), "gb18030");
        }
    }

    /// <summary>
    /// The first line that is not UTF-8 in a file that otherwise is: more lines with valid multi-byte UTF-8 than lines
    /// that fail it. A GBK line pasted into a UTF-8 file would otherwise decode as GB18030, every UTF-8 line turning to
    /// mojibake without one replacement character; a whole GBK file has most of its non-ASCII lines invalid, and passes.
    /// </summary>
    public static int? MixedUtf8Line(byte[] bytes)
    {
        int valid = 0, invalid = 0, first = 0, line = 1, start = 0;
        var span = bytes.AsSpan();
        for (var i = 0; i <= span.Length; i++)
        {
            if (i < span.Length && span[i] != (byte)'\n') continue;
            var segment = span[start..i];
            if (!System.Text.Ascii.IsValid(segment))
            {
                if (System.Text.Unicode.Utf8.IsValid(segment)) valid++;
                else if (invalid++ == 0) first = line;
            }
            line++;
            start = i + 1;
        }
        return invalid > 0 && valid > invalid ? first : null;
    }

    /// <summary>An encoding by name: utf-8, utf-16, gbk, gb2312, gb18030, or any name .NET knows.</summary>
    public static Encoding Resolve(string name)
    {
        var n = name.Trim().ToLowerInvariant().Replace("_", "-");
        try
        {
            return n switch
            {
                "utf8" or "utf-8" or "utf-8-bom" => Encoding.UTF8,
                "utf16" or "utf-16" or "utf-16le" or "unicode" => Encoding.Unicode,
                "utf-16be" or "utf16be" => Encoding.BigEndianUnicode,
                "utf32" or "utf-32" or "utf-32le" => Utf32Le,
                "utf-32be" or "utf32be" => Utf32Be,
                // GBK and GB2312 bytes are valid GB18030 with the same meaning, so one decoder serves all three.
                "gbk" or "gb2312" or "gb18030" or "cp936" or "936" => Gb18030,
                _ => Encoding.GetEncoding(n),
            };
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"未知的编码「{name}」，可用 utf-8、gbk、gb18030、utf-16 / Unknown encoding '{name}': use utf-8, gbk, gb18030 or utf-16");
        }
    }

    // Undecodable bytes become U+FFFD (not '?'), so the pipeline can tell a wrong encoding from a real question mark.
    public static Encoding Gb18030 => _gb18030 ??= Encoding.GetEncoding("gb18030", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
    private static Encoding? _gb18030;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Undecodable code units become U+FFFD, so a file that only looked like UTF-32 is refused as undecodable-text.
    private static readonly Encoding Utf32Le = new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: false);
    private static readonly Encoding Utf32Be = new UTF32Encoding(bigEndian: true, byteOrderMark: true, throwOnInvalidCharacters: false);

    // UTF-32 saved without a BOM: every 4-byte unit of text in the Basic Multilingual Plane has two zero high bytes
    // (the last two little-endian, the first two big-endian); UTF-16, UTF-8 and GBK text never has two aligned zeros.
    private static bool LooksLikeUtf32WithoutBom(ReadOnlySpan<byte> span, out Encoding? encoding)
    {
        encoding = null;
        var n = Math.Min(span.Length & ~3, 512);
        if (n < 8 || span.Length % 4 != 0) return false;
        bool le = true, be = true;
        for (var i = 0; i < n; i += 4)
        {
            le &= span[i + 2] == 0 && span[i + 3] == 0 && (span[i] | span[i + 1]) != 0;
            be &= span[i] == 0 && span[i + 1] == 0 && (span[i + 2] | span[i + 3]) != 0;
        }
        encoding = le ? Utf32Le : be ? Utf32Be : null;
        return encoding is not null;
    }

    // UTF-16 saved without a BOM: UTF-8 and GBK text has no zero bytes at all, while in UTF-16 every ASCII character
    // (digits, commas, line ends) puts one in the high byte — odd positions for little-endian, even for big-endian.
    private static bool LooksLikeUtf16WithoutBom(ReadOnlySpan<byte> span, out Encoding? encoding)
    {
        encoding = null;
        var n = Math.Min(span.Length & ~1, 512);
        if (n < 4) return false;
        int evenZero = 0, oddZero = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (span[i] == 0) evenZero++;
            if (span[i + 1] == 0) oddZero++;
        }
        var pairs = n / 2;
        if (oddZero + evenZero < pairs / 4) return false;
        if (oddZero > 2 * evenZero) encoding = Encoding.Unicode;
        else if (evenZero > 2 * oddZero) encoding = Encoding.BigEndianUnicode;
        return encoding is not null;
    }
}
