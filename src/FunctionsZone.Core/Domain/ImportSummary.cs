using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Domain;

/// <summary>Written SUCCESS / WARNING / ERROR, as DHIS2 writes an import's status.</summary>
public enum ImportStatus
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("SUCCESS")] Success,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("WARNING")] Warning,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("ERROR")] Error,
    /// <summary>Written before the first value: an import that never finished (a crash) still has a summary.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("PENDING")] Pending,
}

public sealed record ImportCounts(int Imported, int Updated, int Unchanged, int Ignored);

/// <summary>Findings of one code, with every row that has it.</summary>
public sealed record FindingGroup(string Code, Severity Severity, IReadOnlyList<int> Rows, string Message,
    string? Zone = null, string? Indicator = null, string? Period = null, string? Column = null)
{
    /// <summary>The findings grouped, each in both languages (for a face in one language; not in the JSON, which keeps Message).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<Finding> Each { get; init; } = [];

    /// <summary>The group's message in one language (zh / en); a group read back from storage has only the bilingual Message.</summary>
    public string MessageIn(string lang)
    {
        if (Each.Count == 0) return Message;
        var first = lang == "en" ? Each[0].MessageEn : Each[0].MessageZh;
        return Each.Count == 1 ? first : lang == "en" ? $"{first} ({Each.Count} occurrences)" : $"{first}（共 {Each.Count} 处）";
    }
}

/// <summary>What an import did (or, on a dry run, would do), as DHIS2 reports it: status, counts, and findings by code.</summary>
public sealed record ImportSummary
{
    /// <summary>An import's id: when it started (UTC, to the millisecond) and the first 8 hex digits of the file's SHA-256, "20220610T063000123Z-9df5b736".</summary>
    public static string NewId(DateTimeOffset started, string sha256Hex) => $"{started.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{sha256Hex[..8]}";

    public required string ImportId { get; init; }
    public string? File { get; init; }
    public string? Sha256 { get; init; }
    public required ImportStatus Status { get; init; }
    public required ImportCounts Counts { get; init; }
    public required IReadOnlyList<FindingGroup> Findings { get; init; }
    public bool DryRun { get; init; }
    public string Kind { get; init; } = "observations";
    /// <summary>The text encoding the file was read in (utf-8, gb18030, utf-16…); null for a spreadsheet or JSON.</summary>
    public string? Encoding { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
    /// <summary>Periods whose values changed, to recompute.</summary>
    public IReadOnlyList<string> Periods { get; init; } = [];

    public static IReadOnlyList<FindingGroup> Group(IEnumerable<Finding> findings) => findings
        .GroupBy(f => (f.Code, f.Severity))
        .Select(g =>
        {
            var first = g.First();
            var rows = g.Where(f => f.Row.HasValue).Select(f => f.Row!.Value).Distinct().Order().ToList();
            bool Same(Func<Finding, string?> sel) => g.Select(sel).Distinct().Count() == 1;
            return new FindingGroup(g.Key.Code, g.Key.Severity, rows,
                g.Count() == 1 ? first.Message : $"{first.Message}（共 {g.Count()} 处 / {g.Count()} occurrences）",
                Same(f => f.Zone) ? first.Zone : null, Same(f => f.Indicator) ? first.Indicator : null, Same(f => f.Period) ? first.Period : null,
                Same(f => f.Column) ? first.Column : null) { Each = g.ToList() };
        })
        .OrderBy(g => g.Severity).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();

    public static ImportStatus StatusOf(IReadOnlyCollection<Finding> findings) =>
        findings.Any(f => f.Severity == Severity.Error) ? ImportStatus.Error
        : findings.Count > 0 ? ImportStatus.Warning : ImportStatus.Success;
}
