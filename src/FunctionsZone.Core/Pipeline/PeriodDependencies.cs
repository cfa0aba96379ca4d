using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// What a period's results read, in one place: recompute loads exactly these periods, and a changed period makes
/// stale exactly the periods that read it. Rankings read the period, the month before (moves) and the same month a
/// year before (year-on-year moves); growth computed from last year's figure reaches one year further back for each
/// of those; target progress reads last year's December and annual figure (increments since year end, seasonal
/// 序时进度). A year period's previous and year before are both the year before.
/// </summary>
public static class PeriodDependencies
{
    /// <summary>The stored periods the results of <paramref name="period"/> are computed from, itself included.</summary>
    public static IReadOnlySet<Period> Reads(Period period)
    {
        var reads = new HashSet<Period>
        {
            period, period.Previous(), period.YearBefore(), period.Previous().YearBefore(), period.YearBefore().YearBefore(),
        };
        if (period.IsMonth)
        {
            reads.Add(Period.OfMonth(period.Year - 1, 12));
            reads.Add(Period.OfYear(period.Year - 1));
        }
        return reads;
    }

    /// <summary>
    /// The periods among <paramref name="candidates"/> whose results read any of <paramref name="changed"/>: what a
    /// correction makes stale (2021-04 changes 2021-04, 2021-05, 2022-04 and 2022-05, whose move is against 2022-04).
    /// </summary>
    public static IReadOnlyList<Period> ReadersOf(IEnumerable<Period> changed, IEnumerable<Period> candidates)
    {
        var set = changed.ToHashSet();
        if (set.Count == 0) return [];
        return candidates.Distinct().Where(p => Reads(p).Overlaps(set)).Order().ToList();
    }
}
