using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.History;

/// <summary>
/// One change of a stored figure (审计记录): its value and reported growth before and after, the import that
/// made it, the file it came from and when. Written by the observation store whenever an import updates a value.
/// </summary>
public sealed record ValueChange
{
    public required string Zone { get; init; }
    public required string Indicator { get; init; }
    public required string Period { get; init; }
    public decimal? OldValue { get; init; }
    public decimal? NewValue { get; init; }
    public decimal? OldYoy { get; init; }
    public decimal? NewYoy { get; init; }
    /// <summary>The import that stored the old figure, and the one that replaced it.</summary>
    public string? OldImportId { get; init; }
    public required string ImportId { get; init; }
    public string? OldSourceFile { get; init; }
    public string? SourceFile { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
    /// <summary>False for a change stored after the latest publish (未发布): served only to readers with storage access or a key.</summary>
    public bool Published { get; init; } = true;
}

/// <summary>A figure's current value and its changes, newest first.</summary>
public sealed record ValueHistory(string Zone, string Indicator, string Period, Observation? Current, IReadOnlyList<ValueChange> Changes);
