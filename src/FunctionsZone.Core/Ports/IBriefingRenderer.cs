namespace FunctionsZone.Core.Ports;

/// <summary>
/// Renders a briefing as a document: "text", "md" or "docx" (FunctionsZone.Rendering: Markdown, Word and its charts).
/// Core writes the briefing's words (Briefing/BriefingBuilder); how a document lays them out is not the domain's.
/// </summary>
public interface IBriefingRenderer
{
    byte[] Render(Briefing.Briefing briefing, string format);
}
