using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Rankings;

/// <summary>
/// A published evaluation rank beside the year before: "提升了76个位次" is previous − current, given only when the two
/// ranks are within comparable fields (Comparable); otherwise Move is null and NotComparableZh/En say why.
/// </summary>
public sealed record OfficialRankMove
{
    public required string Zone { get; init; }
    public required string Evaluation { get; init; }
    /// <summary>The evaluation year.</summary>
    public required int Year { get; init; }
    /// <summary>The year whose data was scored (OfficialRank.DataYearOf).</summary>
    public int DataYear { get; init; }
    public required int Rank { get; init; }
    public required int Of { get; init; }
    public string? Field { get; init; }
    public string? Grade { get; init; }
    public int? PreviousYear { get; init; }
    public int? PreviousRank { get; init; }
    public int? PreviousOf { get; init; }
    public string? PreviousField { get; init; }
    public string? PreviousGrade { get; init; }
    /// <summary>Places gained (positive = 提升, negative = 下滑); null without a comparable previous rank.</summary>
    public int? Move { get; init; }
    /// <summary>Why a previous rank is shown without a move: the fields differ in scope or size.</summary>
    public string? NotComparableZh { get; init; }
    public string? NotComparableEn { get; init; }

    /// <summary>
    /// A field that grew by newly approved zones (国评 215 → 217) is the same field; a list of 9 is not the field of 230.
    /// Sizes are comparable when the smaller is at least this share of the larger.
    /// </summary>
    public const double ComparableFieldShare = 0.9;

    public static IReadOnlyList<OfficialRankMove> FromRanks(IEnumerable<OfficialRank> ranks) => ranks
        .GroupBy(r => (r.Zone, r.Evaluation))
        .SelectMany(g =>
        {
            var byYear = g.OrderBy(r => r.Year).ToList();
            return byYear.Select((r, i) => Beside(r, i > 0 && byYear[i - 1].Year == r.Year - 1 ? byYear[i - 1] : null));
        })
        .OrderBy(m => m.Zone, StringComparer.Ordinal).ThenBy(m => m.Evaluation, StringComparer.Ordinal).ThenBy(m => m.Year)
        .ToList();

    private static OfficialRankMove Beside(OfficialRank r, OfficialRank? prev)
    {
        var (zh, en) = prev is null ? (null, null) : NotComparable(prev, r);
        return new OfficialRankMove
        {
            Zone = r.Zone, Evaluation = r.Evaluation, Year = r.Year, DataYear = OfficialRank.DataYearOf(r), Rank = r.Rank, Of = r.Of,
            Field = r.Field, Grade = r.Grade,
            PreviousYear = prev?.Year, PreviousRank = prev?.Rank, PreviousOf = prev?.Of, PreviousField = prev?.Field, PreviousGrade = prev?.Grade,
            Move = prev is null || zh is not null ? null : prev.Rank - r.Rank,
            NotComparableZh = zh, NotComparableEn = en,
        };
    }

    /// <summary>Null when the two ranks may be compared; otherwise the reason, in Chinese and English.</summary>
    public static (string? Zh, string? En) NotComparable(OfficialRank previous, OfficialRank current)
    {
        // An unstated scope is the evaluation's whole field (files before the field column); two stated ones must agree.
        if (Scope(previous) is { } was && Scope(current) is { } now && !string.Equals(was, now, StringComparison.Ordinal))
            return ($"上年位次在「{was}」中（第{previous.Rank}/{previous.Of}），本年在「{now}」中（第{current.Rank}/{current.Of}），范围不同，不可比",
                $"not comparable: last year's rank is within '{was}' ({previous.Rank} of {previous.Of}), this year's within '{now}' ({current.Rank} of {current.Of})");
        if (Math.Min(previous.Of, current.Of) < ComparableFieldShare * Math.Max(previous.Of, current.Of))
            return ($"上年为{previous.Of}家中的第{previous.Rank}位，本年为{current.Of}家中的第{current.Rank}位，参评范围不同，不可比",
                $"not comparable: {previous.Rank} of {previous.Of} last year against {current.Rank} of {current.Of} this year, fields of different size");
        return (null, null);
    }

    private static string? Scope(OfficialRank r) => string.IsNullOrWhiteSpace(r.Field) ? null : r.Field.Trim();
}
