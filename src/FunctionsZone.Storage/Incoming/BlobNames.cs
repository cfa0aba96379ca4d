using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Storage.Incoming;

/// <summary>
/// Blob names listed from storage are input. A name with a "." or ".." segment, an empty segment, a trailing dot,
/// a backslash or a control character could, once put in a URL, name a blob outside its container (or none at
/// all): it is refused with a finding and never requested.
/// </summary>
public static class BlobNames
{
    public const int MaxLength = 1024;

    /// <summary>The finding that refuses the name, or null when the name is safe to use as given.</summary>
    public static Finding? Check(string name)
    {
        string? why = null;
        if (name.Length == 0 || name.Length > MaxLength) why = "长度不在 1–1024 之间 / its length is not within 1–1024";
        else if (name.Any(char.IsControl)) why = "含控制字符 / it has control characters";
        else if (name.Contains('\\')) why = "含反斜杠 / it has a backslash";
        else if (name.Split('/').Any(s => s is "" or "." or ".." || s.EndsWith('.')))
            why = "含 . 或 .. 段、空段或以点结尾的段 / it has a '.' or '..' segment, an empty segment or a segment ending in a dot";
        if (why is null) return null;
        var shown = Quote.Cell(name);
        return new Finding
        {
            Code = "unsafe-blob-name",
            MessageZh = $"文件名「{shown}」不安全，未读取、未移动：{why.Split(" / ")[0]}",
            MessageEn = $"The blob name '{shown}' is unsafe and was neither read nor moved: {why.Split(" / ")[1]}",
        };
    }
}
