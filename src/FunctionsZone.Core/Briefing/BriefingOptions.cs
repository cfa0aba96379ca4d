namespace FunctionsZone.Core.Briefing;

/// <summary>Settings of the briefing, under FunctionsZone (FunctionsZone__BriefingTemplates, FunctionsZone__BenchmarkPeers, FunctionsZone__BriefingIssuer…).</summary>
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

    /// <summary>编发单位 in Chinese; empty: the zone's name + 统计局 (the template's masthead.issuer).</summary>
    public string? BriefingIssuer { get; set; }

    /// <summary>The issuing office in English; empty: "Statistics Bureau of {zone}".</summary>
    public string? BriefingIssuerEn { get; set; }

    /// <summary>期号 for fz and the API (2022年第{n}期); empty: the month. The snapshot's own briefings always number by month.</summary>
    public int? BriefingIssue { get; set; }

    /// <summary>The masthead's date (yyyy-MM-dd) for fz and the API; empty: the snapshot's publish date (Beijing time).</summary>
    public string? BriefingDate { get; set; }

    /// <summary>The masthead settings for fz and the API (all of them) or for the snapshot's briefings (the issuer only).</summary>
    public MastheadSettings Masthead(bool published = false) => new(
        string.IsNullOrWhiteSpace(BriefingIssuer) ? null : BriefingIssuer.Trim(),
        string.IsNullOrWhiteSpace(BriefingIssuerEn) ? null : BriefingIssuerEn.Trim(),
        published ? null : BriefingIssue,
        published || string.IsNullOrWhiteSpace(BriefingDate) ? null
            : DateOnly.TryParseExact(BriefingDate.Trim(), "yyyy-MM-dd", out var d) ? d
            : throw new FormatException($"FunctionsZone:BriefingDate '{BriefingDate}' 不是日期（yyyy-MM-dd）/ is not a date (yyyy-MM-dd)"));

    public IReadOnlyList<string> Peers => BenchmarkPeers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
