using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Rankings;

/// <summary>
/// Ranks every group's members on every indicator by level and by growth for a period,
/// with the moves against the previous period and the same period a year before.
/// </summary>
public sealed class RankingCalculator(ZoneRegistry registry, ObservationSet observations)
{
    public IReadOnlyList<Ranking> ComputeAll(Period period)
    {
        var result = new List<Ranking>();
        foreach (var group in registry.Groups)
        foreach (var indicator in registry.Indicators)
        foreach (var measure in MeasuresOf(indicator))
        {
            var ranking = Compute(period, indicator, group, measure);
            if (ranking is not null) result.Add(ranking);
        }
        return result;
    }

    /// <summary>Growth of a rate or share is not a figure anyone reports; those rank by level only.</summary>
    public static IEnumerable<Measure> MeasuresOf(Indicator indicator) =>
        indicator.IsRatio ? [Measure.Level] : [Measure.Level, Measure.Growth];

    /// <summary>The ranking, or null when no member has a figure for the period.</summary>
    public Ranking? Compute(Period period, Indicator indicator, Group group, Measure measure)
    {
        var members = registry.Members(group);
        var current = Rank(members, indicator, period, measure);
        if (current.Count == 0) return null;
        var previous = Rank(members, indicator, period.Previous(), measure);
        var yearAgo = period.IsMonth ? Rank(members, indicator, period.YearBefore(), measure) : previous;
        var reference = group.Reference is null ? null : ValueOf(group.Reference, indicator, period, measure);
        var comparesInPoints = indicator.IsPercent || measure == Measure.Growth;

        var entries = new List<RankingEntry>();
        foreach (var zone in members.OrderBy(z => current.TryGetValue(z.Id, out var r) ? r.Rank : int.MaxValue))
        {
            var obs = observations.Get(zone.Id, indicator.Code, period);
            current.TryGetValue(zone.Id, out var cur);
            int? prevRank = previous.TryGetValue(zone.Id, out var p) ? p.Rank : null;
            int? agoRank = yearAgo.TryGetValue(zone.Id, out var a) ? a.Rank : null;
            var why = cur is null && measure == Measure.Growth ? NoGrowthReason(zone.Id, indicator, period) : null;
            entries.Add(new RankingEntry
            {
                Zone = zone.Id, Name = zone.NameZh, NameEn = zone.NameEn,
                Value = cur?.Value.Value, Rank = cur?.Rank, Of = current.Count, Basis = cur?.Value.Basis,
                PreviousRank = prevRank, MoveFromPrevious = cur is not null && prevRank is not null ? prevRank - cur.Rank : null,
                YearAgoRank = agoRank, MoveFromYearAgo = cur is not null && agoRank is not null ? agoRank - cur.Rank : null,
                DifferencePoints = comparesInPoints && cur is not null && reference is not null ? SafeDecimal.Try(() => cur.Value.Value - reference.Value) : null,
                Source = obs?.Source,
                NotRankedReason = why?.Code, NotRankedReasonZh = why?.Zh, NotRankedReasonEn = why?.En,
            });
        }
        return new Ranking
        {
            Period = period.ToString(), Indicator = indicator.Code, IndicatorName = indicator.NameZh,
            Group = group.Id, GroupName = group.NameZh, Measure = measure,
            Unit = measure == Measure.Growth ? "%" : indicator.Unit,
            Direction = indicator.Direction == Direction.Higher ? "higher" : "lower",
            PreviousPeriod = period.Previous().ToString(), YearAgoPeriod = period.YearBefore().ToString(),
            Reference = group.Reference, ReferenceValue = reference?.Value,
            Entries = entries,
        };
    }

    private sealed record Place(MeasuredValue Value, int Rank);

    /// <summary>A reason a growth rate cannot be computed.</summary>
    public sealed record NotRanked(string Code, string Zh, string En);

    /// <summary>
    /// Why a zone with this year's figure has no growth to rank: last year's base was zero or negative, where a growth
    /// rate means nothing (a bureau writes 由负转正 or 扭亏 instead of a percentage). Null when there is no such figure.
    /// </summary>
    public NotRanked? NoGrowthReason(string zone, Indicator indicator, Period period)
    {
        var now = observations.Get(zone, indicator.Code, period)?.Value;
        var last = observations.Get(zone, indicator.Code, period.YearBefore())?.Value;
        if (now is not { } n || last is not { } l || l > 0 || indicator.IsRatio) return null;
        if (l == 0) return new("base-zero", "上年同期为零，无增速", "no growth rate: last year's figure was zero");
        if (n <= 0) return new("base-negative", "上年同期为负，增速无意义", "no growth rate: last year's figure was negative");
        return IsProfit(indicator)
            ? new("turned-profit", "扭亏为盈", "turned from loss to profit (扭亏)")
            : new("turned-positive", "由负转正", "turned from negative to positive (由负转正)");
    }

    // 利润 (profit) indicators say 扭亏 where others say 由负转正.
    private static bool IsProfit(Indicator i) => i.NameZh.Contains("利润", StringComparison.Ordinal) || i.Code.Contains("profit", StringComparison.OrdinalIgnoreCase);

    private Dictionary<string, Place> Rank(IReadOnlyList<Zone> members, Indicator indicator, Period period, Measure measure)
    {
        var valued = members
            .Select(z => (Zone: z, Value: ValueOf(z.Id, indicator, period, measure)))
            .Where(x => x.Value is not null)
            .ToList();
        return CompetitionRanking.Rank(valued, x => x.Value!.Value, indicator.Direction)
            .ToDictionary(r => r.Item.Zone.Id, r => new Place(r.Item.Value!, r.Rank));
    }

    /// <summary>A figure to rank on and how it was obtained.</summary>
    public sealed record MeasuredValue(decimal Value, string Basis);

    /// <summary>
    /// Level: the stored value. Growth: the reported YoY rate; only where none was reported,
    /// growth computed from the same period last year (the bureau's base may differ, hence the basis flag).
    /// </summary>
    public MeasuredValue? ValueOf(string zone, Indicator indicator, Period period, Measure measure)
    {
        var obs = observations.Get(zone, indicator.Code, period);
        if (obs is null) return null;
        var basis = indicator.Derived is not null ? "derived" : "reported";
        if (measure == Measure.Level) return obs.Value is { } v ? new MeasuredValue(v, basis) : null;
        if (obs.Yoy is { } yoy) return new MeasuredValue(yoy, "reported");
        var last = observations.Get(zone, indicator.Code, period.YearBefore())?.Value;
        if (obs.Value is { } now && last is > 0 && !indicator.IsRatio && SafeDecimal.Try(() => (now / last.Value - 1m) * 100m) is { } growth)
            return new MeasuredValue(growth, "computed");
        return null;
    }
}
