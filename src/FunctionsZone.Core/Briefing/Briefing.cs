namespace FunctionsZone.Core.Briefing;

/// <summary>
/// 经济运行简报: a zone's month written from the published snapshot — sections of prose, the month's indicator
/// table, the data of its two charts, and every figure it states with the file it came from.
/// </summary>
public sealed record Briefing
{
    public required string Lang { get; init; }
    public required string Zone { get; init; }
    public required string ZoneName { get; init; }
    public required string Period { get; init; }
    /// <summary>报头: 简报名称, 期号, 编发单位, 日期 — above the title.</summary>
    public required BriefingMasthead Masthead { get; init; }
    public required string Title { get; init; }
    public required string DateLine { get; init; }
    public required string SnapshotVersion { get; init; }
    public required IReadOnlyList<BriefingSection> Sections { get; init; }
    public required BriefingTable Table { get; init; }
    public required IReadOnlyList<RankBar> RankChart { get; init; }
    public required IReadOnlyList<TargetBar> TargetChart { get; init; }
    public required decimal? TimeProgress { get; init; }
    public required IReadOnlyList<BriefingFigure> Figures { get; init; }
    public required IReadOnlyDictionary<string, string> Captions { get; init; }

    public BriefingSection Section(string key) => Sections.First(s => s.Key == key);
}

/// <summary>A heading and its paragraphs; Key is stable across languages (main, official, targets, benchmark, weak, note).</summary>
public sealed record BriefingSection(string Key, string Heading, IReadOnlyList<string> Paragraphs);

public sealed record BriefingTable(IReadOnlyList<string> Header, IReadOnlyList<BriefingRow> Rows);

/// <summary>One indicator of the month: value, growth (* = computed), city rank of N and the move since last month.</summary>
public sealed record BriefingRow(string Indicator, string Name, string Value, string Growth, string Rank, string Move);

/// <summary>A bar of the rank chart: the zone's city rank in an indicator (1 = first).</summary>
public sealed record RankBar(string Name, int Rank, int Of);

/// <summary>A bar of the target chart: completion in %, against 序时进度.</summary>
public sealed record TargetBar(string Name, decimal Completion);
