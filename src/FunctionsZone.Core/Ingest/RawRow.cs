namespace FunctionsZone.Core.Ingest;

/// <summary>
/// A figure as read from a file, before any lookup or conversion; Row is the 1-based line number in the file
/// (header = 1) or the row of the sheet. A wide table gives several RawRows per sheet row (累计, 本月).
/// </summary>
public sealed record RawRow(
    int Row,
    string? Zone,
    string? Indicator,
    string? Period,
    string? Value,
    string? Unit = null,
    string? Yoy = null,
    string? Source = null,
    string? ValueColumn = null,
    string? YoyColumn = null,
    string? Sheet = null,
    string? ZoneColumn = null,
    string? IndicatorColumn = null,
    string? PeriodColumn = null,
    string? ChangePoints = null,
    string? Change = null)
{
    /// <summary>Where the zone, indicator and period were read: a column, or in a wide table the title row.</summary>
    public string ZoneAt => Prefix + (ZoneColumn ?? "zone");
    public string IndicatorAt => Prefix + (IndicatorColumn ?? "indicator");
    public string PeriodAt => Prefix + (PeriodColumn ?? "period");
    /// <summary>Where the value sits, as a finding names it: "value" in the long layout, "D（1-5月累计）" in a wide table.</summary>
    public string ValueAt => Prefix + (ValueColumn ?? "value");
    public string YoyAt => Prefix + (YoyColumn ?? "yoy");
    public string ChangePointsAt => Prefix + "change_pp";
    public string ChangeAt => Prefix + "change";
    private string Prefix => Sheet is null ? "" : Sheet + "!";
}
