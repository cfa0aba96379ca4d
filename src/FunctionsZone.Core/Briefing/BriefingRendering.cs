using System.Text;
using System.Text.Json;

namespace FunctionsZone.Core.Briefing;

/// <summary>One briefing in each format fz and the API offer: text, md, docx, json.</summary>
public static class BriefingRendering
{
    public static byte[] Render(Briefing b, string format) => format switch
    {
        "text" => Encoding.UTF8.GetBytes(BriefingMarkdown.ToText(b)),
        "md" => Encoding.UTF8.GetBytes(BriefingMarkdown.ToMarkdown(b)),
        "docx" => BriefingDocx.Render(b),
        "json" => JsonSerializer.SerializeToUtf8Bytes(b, Json.Indented),
        _ => throw new FormatException($"未知格式 '{format}'，可选 text、md、docx、json / unknown format '{format}': use text, md, docx or json"),
    };

    public static string ContentType(string format) => format switch
    {
        "md" => "text/markdown; charset=utf-8",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "json" => "application/json; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
}
