using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Domain;

/// <summary>
/// The one rule for identifiers (zone, group, indicator, project, scheme, official evaluation): each becomes an Azure
/// Table key (PartitionKey/RowKey) or part of one, and the service refuses a key with '/', '\', '#', '?', a control
/// character (U+0000–U+001F, U+007F–U+009F) or over 1 KiB with a raw 400 — a run that met one failed whole. An input
/// whose identifier breaks the rule is a finding naming its row, checked before anything is written.
/// </summary>
public static class StorageKey
{
    /// <summary>
    /// Keys join identifiers with '|' ("{period}|{indicator}", "{zone}|{indicator}|{period}"): at 200 characters each
    /// (400 bytes in UTF-16) two and a period stay within 1 KiB, and '|' in an identifier would make a key ambiguous.
    /// </summary>
    public const int MaxLength = 200;

    /// <summary>Why the identifier cannot be a key (Chinese, English), or null when it can.</summary>
    public static (string Zh, string En)? Problem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return ("为空", "it is empty");
        if (id.Length > MaxLength) return ($"超过 {MaxLength} 个字符（{id.Length}）", $"it is longer than {MaxLength} characters ({id.Length})");
        if (id.Any(char.IsControl)) return ("含控制字符", "it has a control character");
        if (id.IndexOfAny(Forbidden) is var i and >= 0) return ($"含字符「{id[i]}」", $"it has the character '{id[i]}'");
        return null;
    }

    private static readonly char[] Forbidden = ['/', '\\', '#', '?', '|'];

    /// <summary>
    /// A finding naming where the identifier is (row or entry) and why it cannot be stored, or null when it can.
    /// <paramref name="whereZh"/>/<paramref name="whereEn"/>: "第 3 行" / "Row 3", "zones.json 第 2 项" / "zones.json entry 2".
    /// </summary>
    public static Finding? Check(string? id, string whatZh, string whatEn, string whereZh, string whereEn, int? row = null, string? column = null,
        string code = "bad-id")
    {
        if (Problem(id) is not { } why) return null;
        var shown = Quote.Cell(id);
        return new Finding
        {
            Code = code, Row = row, Column = column,
            MessageZh = $"{whereZh}：{whatZh}「{shown}」不能用作存储键：{why.Zh}",
            MessageEn = $"{whereEn}: {whatEn} '{shown}' cannot be a storage key: {why.En}",
        };
    }

    /// <summary>Row-numbered form for CSV readers: "第 {row} 行" / "Row {row}".</summary>
    public static Finding? CheckRow(string? id, int row, string column, string whatZh, string whatEn) =>
        Check(id, whatZh, whatEn, $"第 {row} 行", $"Row {row}", row, column);

    /// <summary>
    /// For a reader that refuses a whole file by throwing (RegistryFiles): the exception's message is the finding's, and
    /// the finding itself rides in Data[nameof(Finding)] (InvalidDataException is sealed) for a caller that keeps its code.
    /// </summary>
    public static InvalidDataException Refusal(Finding finding) => new(finding.Message) { Data = { [nameof(Finding)] = finding } };

    /// <summary>The finding a Refusal carries, or null for any other exception.</summary>
    public static Finding? FindingOf(Exception e) => e.Data[nameof(Finding)] as Finding;
}
