using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;

namespace FunctionsZone.Core.Briefing;

/// <summary>
/// 主要指标: the bureau's paragraph — "1-5月份，全区规上工业增加值同比增长9.5%，增速全市第4，其中5月份当月增长12.9%，
/// 增速全市第1；…" — one statement per template item, each with its rank, reported growth and 其中 parts.
/// Growth we computed goes into a separate sentence that says so.
/// </summary>
public static class MainIndicatorsSection
{
    public static BriefingSection Build(BriefingContext c)
    {
        var t = c.T;
        var items = new List<string>();
        var computed = new List<string>();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in t.Main)
        {
            if (Statement(c, item, computed, covered) is { } s) items.Add(s);
        }
        // Ranked figures the template does not name still get the generic statement.
        if (t.MainOther is { } other)
        {
            foreach (var code in CityRanked(c).Where(code => !covered.Contains(code)))
                if (Statement(c, other with { Indicator = code }, computed, covered) is { } s) items.Add(s);
        }
        var paragraphs = new List<string>();
        if (items.Count > 0)
        {
            var opening = c.Month == 1 ? t.Opening.January : t.Opening.Ytd;
            paragraphs.Add(c.Fill(opening) + string.Join(t.ItemSeparator, items) + t.SentenceEnd);
        }
        if (computed.Count > 0)
            paragraphs.Add(t.ComputedGrowth.Intro + string.Join(t.ListSeparator, computed) + t.SentenceEnd);
        return new BriefingSection("main", t.Heading("main"), paragraphs);
    }

    /// <summary>Indicators the zone is ranked in within the city, in the snapshot's order.</summary>
    public static IEnumerable<string> CityRanked(BriefingContext c) => c.Data.Rankings
        .Where(r => r.Group == c.Data.City?.Id && r.Entries.Any(e => e.Zone == c.Data.Zone.Id && e.Rank is not null && e.Of >= 2))
        .Select(r => r.Indicator).Distinct();

    private static string? Statement(BriefingContext c, BriefingTemplate.MainItem item, List<string> computed, HashSet<string> covered)
    {
        var t = c.T;
        var d = c.Data;
        var ind = item.Indicator is null ? null : d.Registry.FindIndicator(item.Indicator);
        if (ind is null) return null;
        var o = d.Figure(ind.Code);
        if (o?.Value is null) return null;
        covered.Add(ind.Code);
        var clauses = new List<string> { c.Fill(item.Text, ("value", c.Value(o, ind, d.ObservationsFile)), ("name", c.Name(ind))) };
        if (item.Growth is "reported" or "month" && o.Yoy is { } yoy)
        {
            var words = item.Growth == "month" ? t.MonthGrowth : t.Growth;
            clauses.Add(yoy == 0 ? words.Flat : BriefingText.Fill(yoy > 0 ? words.Up : words.Down, ("value", c.Percent(yoy, d.ObservationsFile, "reported", ind.NameZh))));
        }
        if (item.Rank is { } measureName)
        {
            var measure = measureName == "growth" ? Measure.Growth : Measure.Level;
            if (d.CityRank(ind.Code, measure) is { } hit && (measure == Measure.Level || hit.Entry.Basis == "reported"))
            {
                clauses.Add(c.RankText(ind, measure, hit.Entry));
                if (item.Difference && hit.Entry.DifferencePoints is { } pts)
                    clauses.Add(pts == 0 ? t.Difference["equal"] : BriefingText.Fill(t.Difference[pts > 0 ? "above" : "below"],
                        ("points", c.Points(pts, d.RankingsFile, "computed", ind.NameZh))));
            }
        }
        if (item.ComputedGrowth && o.Yoy is null && d.CityRank(ind.Code, Measure.Growth) is { } g && g.Entry.Basis == "computed" && g.Entry.Value is { } cg)
            computed.Add(BriefingText.Fill(cg >= 0 ? t.ComputedGrowth.Up : t.ComputedGrowth.Down,
                ("name", c.Name(ind)), ("value", c.Percent(cg, d.RankingsFile, "computed", ind.NameZh, round: 1))));
        foreach (var sub in item.Then)
            if (Statement(c, sub, computed, covered) is { } s) clauses.Add(s);
        return string.Join(t.Clause, clauses);
    }
}
