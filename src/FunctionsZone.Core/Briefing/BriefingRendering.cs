namespace FunctionsZone.Core.Briefing;

/// <summary>The formats fz and the API offer a briefing in (text, md, docx, json), checked, and their content types.</summary>
public static class BriefingRendering
{
    public static readonly IReadOnlyList<string> Formats = ["text", "md", "docx", "json"];

    /// <summary>A format as the user typed it, checked: "MD" → "md"; an unknown one is refused with the choices.</summary>
    public static string Format(string? format)
    {
        var f = (format ?? "text").Trim().ToLowerInvariant();
        return Formats.Contains(f) ? f
            : throw new FormatException($"未知格式 '{format}'，可选 text、md、docx、json / unknown format '{format}': use text, md, docx or json");
    }

    public static string ContentType(string format) => format switch
    {
        "md" => "text/markdown; charset=utf-8",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "json" => "application/json; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
}
