namespace FunctionsZone.Core.Ingest;

/// <summary>A row as read from a file, before any lookup or conversion; Row is the 1-based line number in the file (header = 1).</summary>
public sealed record RawRow(
    int Row,
    string? Zone,
    string? Indicator,
    string? Period,
    string? Value,
    string? Unit = null,
    string? Yoy = null,
    string? Source = null);
