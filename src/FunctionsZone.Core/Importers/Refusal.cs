using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Importers;

/// <summary>Why a file is not read at all (too large, mixed or undecodable text), checked on its bytes first.</summary>
public static class Refusal
{
    /// <summary>The finding that refuses the file; null when it is read.</summary>
    public static Finding? Of(InputFile file, IngestOptions options)
    {
        if (file.Content.LongLength > options.MaxFileBytes)
            return new Finding
            {
                Code = "file-too-large",
                MessageZh = $"文件 {file.Content.LongLength:N0} 字节，超过上限 {options.MaxFileBytes:N0} 字节",
                MessageEn = $"The file has {file.Content.LongLength:N0} bytes, over the limit of {options.MaxFileBytes:N0}",
            };
        if (file.IsDelimitedText && file.NotUtf8Line is { } line)
            // Mostly UTF-8 with a line in another encoding (a GBK line pasted in): decoding it as GB18030 would be mojibake.
            return new Finding
            {
                Code = "mixed-encoding", Row = line,
                MessageZh = $"第 {line} 行不是 UTF-8（可能是 GBK），而文件其余部分是 UTF-8：请把整个文件另存为同一种编码",
                MessageEn = $"Line {line} is not UTF-8 (GBK?) while the rest of the file is: save the whole file in one encoding",
            };
        if (file.IsDelimitedText && file.Text().Contains('\uFFFD'))
            // Bytes that do not decode: a wrong --encoding, or a file that is neither UTF-8, GBK nor UTF-16.
            return new Finding
            {
                Code = "undecodable-text",
                MessageZh = $"文件含有无法按 {file.DetectedEncoding} 解码的字节，请检查编码（可用 --encoding gbk / utf-8 / utf-16）",
                MessageEn = $"The file has bytes that do not decode as {file.DetectedEncoding}: check its encoding (--encoding gbk / utf-8 / utf-16)",
            };
        return null;
    }
}
