using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Rankings;

/// <summary>A published evaluation rank beside the year before: "提升了76个位次" is previous − current.</summary>
public sealed record OfficialRankMove
{
    public required string Zone { get; init; }
    public required string Evaluation { get; init; }
    public required int Year { get; init; }
    public required int Rank { get; init; }
    public required int Of { get; init; }
    public string? Grade { get; init; }
    public int? PreviousYear { get; init; }
    public int? PreviousRank { get; init; }
    public int? PreviousOf { get; init; }
    public string? PreviousGrade { get; init; }
    /// <summary>Places gained (positive = 提升, negative = 下滑).</summary>
    public int? Move { get; init; }

    public static IReadOnlyList<OfficialRankMove> FromRanks(IEnumerable<OfficialRank> ranks) => ranks
        .GroupBy(r => (r.Zone, r.Evaluation))
        .SelectMany(g =>
        {
            var byYear = g.OrderBy(r => r.Year).ToList();
            return byYear.Select((r, i) =>
            {
                var prev = i > 0 && byYear[i - 1].Year == r.Year - 1 ? byYear[i - 1] : null;
                return new OfficialRankMove
                {
                    Zone = r.Zone, Evaluation = r.Evaluation, Year = r.Year, Rank = r.Rank, Of = r.Of, Grade = r.Grade,
                    PreviousYear = prev?.Year, PreviousRank = prev?.Rank, PreviousOf = prev?.Of, PreviousGrade = prev?.Grade,
                    Move = prev is null ? null : prev.Rank - r.Rank,
                };
            });
        })
        .OrderBy(m => m.Zone, StringComparer.Ordinal).ThenBy(m => m.Evaluation, StringComparer.Ordinal).ThenBy(m => m.Year)
        .ToList();
}
