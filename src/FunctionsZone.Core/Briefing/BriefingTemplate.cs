using System.Reflection;
using System.Text.Json;

namespace FunctionsZone.Core.Briefing;

/// <summary>
/// The wording of a briefing in one language (seeds/briefing/{lang}.json): every sentence pattern the bureau uses,
/// as data, so a zone changes its wording without code. Placeholders are {name}; docs/briefing.md lists them.
/// </summary>
public sealed record BriefingTemplate
{
    public required string Lang { get; init; }
    public required string Title { get; init; }
    public required PeriodWords PeriodName { get; init; }
    public required PeriodWords Opening { get; init; }
    public required string MonthOnly { get; init; }
    public IReadOnlyList<string> MonthNames { get; init; } = [];
    public required string DateLine { get; init; }
    /// <summary>报头: the masthead's words; a template folder's file without it takes the built-in one.</summary>
    public MastheadWords? Masthead { get; init; }
    public required Dictionary<string, string> Headings { get; init; }
    public required Dictionary<string, string> Table { get; init; }
    public required string Points { get; init; }
    public required string RankOf { get; init; }
    /// <summary>level / growth (by measure), rate / share (by the indicator's kind: 增速全市第K, 位列全市第K).</summary>
    public required Dictionary<string, string> Rank { get; init; }
    public required UpDown Growth { get; init; }
    public required UpDown MonthGrowth { get; init; }
    public required Dictionary<string, string> Difference { get; init; }
    public required ComputedGrowthWords ComputedGrowth { get; init; }
    public required Dictionary<string, string> Move { get; init; }
    public required string Clause { get; init; }
    public required string ItemSeparator { get; init; }
    public required string ListSeparator { get; init; }
    public required string SentenceEnd { get; init; }
    public required IReadOnlyList<MainItem> Main { get; init; }
    public MainItem? MainOther { get; init; }
    public required OfficialWords Official { get; init; }
    public required Dictionary<string, string> Targets { get; init; }
    public required Dictionary<string, string> Benchmark { get; init; }
    public required Dictionary<string, string> Weak { get; init; }
    public required Dictionary<string, string> Note { get; init; }

    public sealed record PeriodWords(string Ytd, string January, string Year);
    /// <summary>报头: 简报名称, 期号 ({year}, {issue}), 编发单位 ({zone}), 日期 ({year} {month} {day} {monthName}).</summary>
    public sealed record MastheadWords(string Name, string Issue, string Issuer, string Date);
    /// <summary>How a unit is written after a number: 9.39亿, 2474万美元; Scale converts (亿元 × 0.1 = billion).</summary>
    public sealed record UpDown(string Up, string Down, string Flat);
    public sealed record ComputedGrowthWords(string Intro, string Up, string Down);
    public sealed record OfficialWords(Dictionary<string, string> Evaluations, string Grade, string Opening, Dictionary<string, string> Move, string None)
    {
        /// <summary>等次 overrides for a custom template; absent: the unit catalogue's (seeds/i18n/catalogue.json: 二等 → "Grade 2").</summary>
        public Dictionary<string, string> Grades { get; init; } = [];
    }

    /// <summary>One statement of 主要指标: the figure, then its rank, growth, difference from the city, then its "其中" parts.</summary>
    public sealed record MainItem
    {
        public string? Indicator { get; init; }
        public required string Text { get; init; }
        /// <summary>"level" or "growth": which city rank follows the figure; absent: none.</summary>
        public string? Rank { get; init; }
        /// <summary>"reported" (the bureau's YoY, when there is one) or "month" (当月 wording); absent: none.</summary>
        public string? Growth { get; init; }
        /// <summary>高于/低于全市 N 个百分点, for figures in %.</summary>
        public bool Difference { get; init; }
        /// <summary>Growth we computed (no reported one) goes into the separate, marked sentence.</summary>
        public bool ComputedGrowth { get; init; }
        public IReadOnlyList<MainItem> Then { get; init; } = [];
    }

    public string Heading(string key) => Headings.GetValueOrDefault(key, key);

    public static IReadOnlyList<string> Languages => ["zh", "en"];

    /// <summary>
    /// The template of a language: {folder}/{lang}.json when a folder is configured and has one
    /// (FunctionsZone:BriefingTemplates), else the built-in seeds/briefing/{lang}.json.
    /// </summary>
    public static BriefingTemplate Load(string lang, string? folder = null)
    {
        var l = (lang ?? "zh").Trim().ToLowerInvariant();
        if (!Languages.Contains(l))
            throw new FormatException($"不支持的语言：'{lang}'，可选 zh 或 en / Unsupported language '{lang}': use zh or en");
        if (folder is not null && File.Exists(Path.Combine(folder, $"{l}.json")))
        {
            var path = Path.Combine(folder, $"{l}.json");
            var custom = Parse(File.ReadAllBytes(path), path);
            return custom.Masthead is null ? custom with { Masthead = BuiltIn(l).Masthead } : custom;
        }
        return BuiltIn(l);
    }

    private static BriefingTemplate BuiltIn(string l)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"briefing/{l}.json")!;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return Parse(ms.ToArray(), $"seeds/briefing/{l}.json");
    }

    public static BriefingTemplate Parse(byte[] json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<BriefingTemplate>(json, Json.Options)
                   ?? throw new InvalidDataException($"简报模板为空：{source} / The briefing template {source} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"简报模板格式错误：{source}（{e.Path}，第 {e.LineNumber + 1} 行）/ The briefing template {source} is not valid: {e.Message}");
        }
    }
}
