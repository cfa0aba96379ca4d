namespace FunctionsZone.Core.Domain;

/// <summary>One figure: a zone's value of an indicator for a period, in the indicator's canonical unit.</summary>
public sealed record Observation
{
    public required string Zone { get; init; }
    public required string Indicator { get; init; }
    public required Period Period { get; init; }
    public decimal? Value { get; init; }
    /// <summary>YoY growth in % as reported by the bureau (同比); never recomputed over it.</summary>
    public decimal? Yoy { get; init; }
    /// <summary>增减(个百分点): the change of a % figure from the same period a year before, in percentage points, as reported.</summary>
    public decimal? ChangePoints { get; init; }
    /// <summary>增减量: the absolute change from the same period a year before, in the indicator's unit, as reported.</summary>
    public decimal? Change { get; init; }
    /// <summary>Where the figure came from: "speech", "illustrative", a file name, or "derived: …".</summary>
    public string? Source { get; init; }
    public string? ImportId { get; init; }
    public string? SourceFile { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public ObservationKey Key => new(Zone, Indicator, Period);
}

public readonly record struct ObservationKey(string Zone, string Indicator, Period Period);
