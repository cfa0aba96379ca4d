namespace FunctionsZone.Core.Domain;

/// <summary>A published evaluation result: 国评 (national), 省评 (provincial) or 市对区考核 (city).</summary>
public sealed record OfficialRank
{
    public required string Zone { get; init; }
    public required string Evaluation { get; init; }
    public required int Year { get; init; }
    public required int Rank { get; init; }
    public required int Of { get; init; }
    /// <summary>等次 in the city evaluation (一等 … 四等), where published.</summary>
    public string? Grade { get; init; }
    public string? Source { get; init; }
}
