using FunctionsZone.Core.Rankings;

namespace FunctionsZone.Core.Briefing;

/// <summary>
/// 短板与争先进位: the zone's 短板 as publish stored them in the zone page (WeakPoints.ForAll, the headline scheme: the
/// same list as the portal, /api/weakpoints and fz weakpoints, never recomputed here), and for each ranked figure not yet
/// first the value of the zone just above it — reaching it is what gains the place (competition ranking: an equal value
/// shares the rank).
/// </summary>
public static class WeakPointsSection
{
    public static BriefingSection Build(BriefingContext c)
    {
        var w = c.T.Weak;
        var d = c.Data;
        var lines = Ranked(c).ToList();
        var paragraphs = new List<string> { Weak(c) };

        var gains = new List<string>();
        foreach (var l in lines.OrderByDescending(l => l.Entry.Rank))
        {
            var above = l.Ranking.Entries.Where(e => e.Rank < l.Entry.Rank && e.Value is not null).MaxBy(e => e.Rank);
            if (above is null) continue;
            var name = c.Name(l.Indicator) + (l.Ranking.Measure == Measure.Growth ? w["growthOnly"] : "");
            var value = l.Ranking.Measure == Measure.Growth || l.Indicator.IsPercent
                ? c.Percent(above.Value!.Value, d.RankingsFile, "reported", c.Label(above.Name, above.NameEn, l.Indicator), source: above.Source)
                : c.Amount(above.Value!.Value, l.Indicator.Unit, d.RankingsFile, "reported", c.Label(above.Name, above.NameEn, l.Indicator), source: above.Source);
            gains.Add(BriefingText.Fill(w["gain"], ("name", name), ("value", value),
                ("above", c.Name(above.Name, above.NameEn, d.RankingsFile)), ("rank", c.Integer(above.Rank!.Value, d.RankingsFile, "rank", l.Indicator.NameZh))));
        }
        var top = lines.Where(l => l.Entry.Rank == 1).Select(l => c.Name(l.Indicator) + (l.Ranking.Measure == Measure.Growth ? w["growthOnly"] : "")).ToList();
        if (top.Count > 0) gains.Add(BriefingText.Fill(w["top"], ("name", string.Join(c.T.ListSeparator, top))));
        if (gains.Count > 0) paragraphs.Add(w["gainIntro"] + string.Join(c.T.ItemSeparator, gains) + c.T.SentenceEnd);
        return new BriefingSection("weak", c.T.Heading("weak"), paragraphs);
    }

    /// <summary>The stored 短板, worst first, each with the points it loses against the group median.</summary>
    private static string Weak(BriefingContext c)
    {
        var w = c.T.Weak;
        var r = c.Data.WeakPoints;
        if (r is null) return w["noScheme"];
        var scheme = c.Name(r.SchemeName, r.SchemeNameEn, c.Data.ZoneFile);
        var weak = r.Weak.ToList();
        if (weak.Count == 0) return BriefingText.Fill(w["none"], ("scheme", scheme));
        return BriefingText.Fill(w["intro"], ("scheme", scheme)) + string.Join(c.T.ListSeparator, weak.Select(x => BriefingText.Fill(w["item"],
            ("name", Name(c, x)), ("points", c.Figures.Add(x.PointsLost!.Value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture),
                (decimal)x.PointsLost.Value, c.Data.ZoneFile, "computed", Name(c, x)))))) + c.T.SentenceEnd;
    }

    /// <summary>A scheme column's indicator in the briefing's language (its growth marked), else the scheme's own name.</summary>
    private static string Name(BriefingContext c, Evaluation.WeakPoint x)
    {
        var code = x.Indicator.Split(':')[0];
        if (c.Data.Registry.FindIndicator(code) is not { } ind) return x.Name;
        return c.Name(ind) + (x.Indicator.EndsWith(":growth", StringComparison.Ordinal) ? c.T.Weak["growthOnly"] : "");
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
