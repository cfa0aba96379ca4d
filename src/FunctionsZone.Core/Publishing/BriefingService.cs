using System.Text.Json;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Briefing;

namespace FunctionsZone.Core.Publishing;

/// <summary>The briefing as fz briefing and GET /api/briefing give it: the latest snapshot, the configured wording and peers.</summary>
public sealed class BriefingService(SnapshotReader reader, BriefingOptions options, IBriefingRenderer renderer)
{
    public Task<Briefing.Briefing> BuildAsync(string zone, string period, string? lang, CancellationToken ct = default) =>
        BriefingReader.BuildAsync(reader, zone, period, Template(lang), options.Peers, options.Masthead(), ct);

    public BriefingTemplate Template(string? lang) =>
        BriefingTemplate.Load(string.IsNullOrWhiteSpace(lang) ? "zh" : lang, string.IsNullOrWhiteSpace(options.BriefingTemplates) ? null : options.BriefingTemplates);

    /// <summary>The briefing rendered: text, md, docx or json.</summary>
    public async Task<byte[]> RenderAsync(string zone, string period, string? lang, string format, CancellationToken ct = default)
    {
        var f = BriefingRendering.Format(format);
        var b = await BuildAsync(zone, period, lang, ct);
        return f == "json" ? JsonSerializer.SerializeToUtf8Bytes(b, Json.Indented) : renderer.Render(b, f);
    }
}
