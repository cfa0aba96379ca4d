using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ingest;

/// <summary>
/// A name English views cannot translate: the import reports it (a warning, the data still imports), and those views
/// show the Chinese with the catalogue's marker (乖宝集团年底前上市 [zh]) — never silently.
/// </summary>
public static class MissingEnglishName
{
    public const string Code = "missing-english-name";

    public static Finding Finding(int? row, string column, string nameZh, string? zone = null, string? indicator = null) => new()
    {
        Code = Code, Severity = Severity.Warning, Row = row, Column = column, Zone = zone, Indicator = indicator,
        MessageZh = $"{(row is { } r ? $"第 {r} 行：" : "")}「{nameZh}」没有英文名（{column}），英文页面将显示中文并加标记",
        MessageEn = $"{(row is { } r2 ? $"Row {r2}: " : "")}'{nameZh}' has no English name ({column}); English views show the Chinese with a marker",
    };
}
