namespace FunctionsZone.Core.Briefing;

/// <summary>Settings of the briefing, under FunctionsZone (FunctionsZone__BriefingTemplates, FunctionsZone__BenchmarkPeers).</summary>
public sealed class BriefingOptions
{
    /// <summary>A folder with zh.json / en.json overriding the built-in wording (seeds/briefing); empty: built-in.</summary>
    public string? BriefingTemplates { get; set; }

    /// <summary>对标 peers, comma-separated ids or 中文名 (default 邹城经开区, the speech's benchmark).</summary>
    public string BenchmarkPeers { get; set; } = "zoucheng-edz";

    /// <summary>What is published with every snapshot beside the zone pages: "md,docx" (default), "md", or "none".</summary>
    public string PublishBriefings { get; set; } = "md,docx";

    public IReadOnlyList<string> Formats => PublishBriefings.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(f => f.ToLowerInvariant()).Where(f => f is "md" or "docx").ToList();

    public IReadOnlyList<string> Peers => BenchmarkPeers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
