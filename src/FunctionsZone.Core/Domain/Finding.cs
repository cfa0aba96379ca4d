using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Domain;

public enum Severity { Error, Warning }

/// <summary>One problem found in an input file, named by its row and a stable code, in Chinese and English.</summary>
public sealed record Finding
{
    public required string Code { get; init; }
    public Severity Severity { get; init; } = Severity.Error;
    public int? Row { get; init; }
    public string? Column { get; init; }
    public string? Zone { get; init; }
    public string? Indicator { get; init; }
    public string? Period { get; init; }
    public required string MessageZh { get; init; }
    public required string MessageEn { get; init; }
    public string Message => $"{MessageZh} / {MessageEn}";
}
