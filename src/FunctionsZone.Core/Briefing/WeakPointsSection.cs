using FunctionsZone.Core.Rankings;

namespace FunctionsZone.Core.Briefing;

/// <summary>
/// 短板与争先进位: the indicators in the lower half of the city, and for each ranked figure not yet first the value of
/// the zone just above it — reaching it is what gains the place (competition ranking: an equal value shares the rank).
/// </summary>
public static class WeakPointsSection
{
    public static BriefingSection Build(BriefingContext c)
    {
        var w = c.T.Weak;
        var d = c.Data;
        var lines = Ranked(c).ToList();
        var paragraphs = new List<string>();
        var weak = lines.Where(l => l.Entry.Rank > l.Entry.Of / 2.0).OrderByDescending(l => (double)l.Entry.Rank!.Value / l.Entry.Of).ToList();
        paragraphs.Add(weak.Count == 0 ? w["none"]
            : w["intro"] + string.Join(c.T.ListSeparator, weak.Select(l => BriefingText.Fill(w["item"],
                ("name", c.Name(l.Indicator)), ("rankText", c.RankText(l.Indicator, l.Ranking.Measure, l.Entry))))) + c.T.SentenceEnd);

        var gains = new List<string>();
        foreach (var l in lines.OrderByDescending(l => l.Entry.Rank))
        {
            var above = l.Ranking.Entries.Where(e => e.Rank < l.Entry.Rank && e.Value is not null).MaxBy(e => e.Rank);
            if (above is null) continue;
            var name = c.Name(l.Indicator) + (l.Ranking.Measure == Measure.Growth ? w["growthOnly"] : "");
            var value = l.Ranking.Measure == Measure.Growth || l.Indicator.IsPercent
                ? c.Percent(above.Value!.Value, d.RankingsFile, "reported", $"{above.Name} {l.Indicator.NameZh}", source: above.Source)
                : c.Amount(above.Value!.Value, l.Indicator.Unit, d.RankingsFile, "reported", $"{above.Name} {l.Indicator.NameZh}", source: above.Source);
            gains.Add(BriefingText.Fill(w["gain"], ("name", name), ("value", value),
                ("above", c.Name(above.Name, above.NameEn, d.RankingsFile)), ("rank", c.Integer(above.Rank!.Value, d.RankingsFile, "rank", l.Indicator.NameZh))));
        }
        var top = lines.Where(l => l.Entry.Rank == 1).Select(l => c.Name(l.Indicator) + (l.Ranking.Measure == Measure.Growth ? w["growthOnly"] : "")).ToList();
        if (top.Count > 0) gains.Add(BriefingText.Fill(w["top"], ("name", string.Join(c.T.ListSeparator, top))));
        if (gains.Count > 0) paragraphs.Add(w["gainIntro"] + string.Join(c.T.ItemSeparator, gains) + c.T.SentenceEnd);
        return new BriefingSection("weak", c.T.Heading("weak"), paragraphs);
    }

    /// <summary>The zone's city ranks: every level ranking, and growth rankings of the bureau's reported growth.</summary>
    public static IEnumerable<(Domain.Indicator Indicator, Ranking Ranking, RankingEntry Entry)> Ranked(BriefingContext c)
    {
        foreach (var r in c.Data.Rankings.Where(r => r.Group == c.Data.City?.Id))
        {
            var e = r.Entries.FirstOrDefault(x => x.Zone == c.Data.Zone.Id && x.Rank is not null);
            var ind = c.Data.Registry.FindIndicator(r.Indicator);
            if (e is null || ind is null || e.Of < 2) continue;
            if (r.Measure == Measure.Growth && e.Basis != "reported") continue;
            yield return (ind, r, e);
        }
    }
}
