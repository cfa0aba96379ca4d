using System.Text;
using FunctionsZone.Core.Briefing;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Rendering;

/// <summary>Core's briefing document port: text and Markdown (BriefingMarkdown), Word with its charts (BriefingDocx).</summary>
public sealed class BriefingRenderer : IBriefingRenderer
{
    public byte[] Render(Briefing briefing, string format) => format switch
    {
        "text" => Encoding.UTF8.GetBytes(BriefingMarkdown.ToText(briefing)),
        "md" => Encoding.UTF8.GetBytes(BriefingMarkdown.ToMarkdown(briefing)),
        "docx" => BriefingDocx.Render(briefing),
        _ => throw new FormatException($"未知格式 '{format}'，可选 text、md、docx / unknown format '{format}': use text, md or docx"),
    };
}
