using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Rankings;

/// <summary>Standard competition ranking ("1224"): tied values share a place and the next place is skipped.</summary>
public static class CompetitionRanking
{
    public static IReadOnlyList<(T Item, int Rank)> Rank<T>(IEnumerable<T> items, Func<T, decimal> value, Direction direction)
    {
        var sorted = direction == Direction.Higher
            ? items.OrderByDescending(value).ToList()
            : items.OrderBy(value).ToList();
        var result = new List<(T, int)>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            var rank = i > 0 && value(sorted[i]) == value(sorted[i - 1]) ? result[i - 1].Item2 : i + 1;
            result.Add((sorted[i], rank));
        }
        return result;
    }
}
