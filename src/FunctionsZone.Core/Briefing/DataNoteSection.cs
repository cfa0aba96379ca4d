using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Snapshots;
namespace FunctionsZone.Core.Briefing;

/// <summary>
/// 数据说明, in words: when the figures were published and which periods they cover, which stated figures are the
/// speech's, derived, illustrative (made up) or computed by us, and what the ranks are ranked among. No file paths:
/// the file of every figure is in the figure log (--format json).
/// Written last, from the figures the other sections logged.
/// </summary>
public static class DataNoteSection
{
    public static BriefingSection Build(BriefingContext c)
    {
        var w = c.T.Note;
        var d = c.Data;
        var figures = c.Figures.All.ToList();
        // In words for the reader: when the figures were published and which periods they are; the files each figure
        // was read from stay in the JSON output's figure log.
        var paragraphs = new List<string> { BriefingText.Fill(w["sources"], ("date", MastheadWriter.Date(c))) };
        if (Periods(c) is { Length: > 0 } periods) paragraphs.Add(BriefingText.Fill(w["periods"], ("periods", periods)));
        string Names(Func<BriefingFigure, bool> which) => string.Join(c.T.ListSeparator,
            figures.Where(f => f.Label is not null && which(f)).Select(f => Label(c, f.Label!)).Distinct());
        foreach (var (key, source) in new[] { ("speech", "speech"), ("speechDerived", "speech-derived"), ("derived", "derived") })
        {
            var names = Names(f => f.Source == source);
            if (names.Length > 0 && w.TryGetValue(key, out var pattern)) paragraphs.Add(BriefingText.Fill(pattern, ("names", names)));
        }
        var illustrative = Names(f => f.Source == "illustrative");
        paragraphs.Add(illustrative.Length > 0 ? BriefingText.Fill(w["illustrative"], ("names", illustrative)) : w["none"]);
        if (figures.Any(f => f.Basis == "computed" && f.File == d.RankingsFile && f.Label is not null))
            paragraphs.Add(w["computed"]);
        if (d.City is { } city && d.Rankings.FirstOrDefault(r => r.Group == city.Id)?.Entries.Count is { } n and > 0)
            paragraphs.Add(BriefingText.Fill(w["ranks"], ("group", c.Name(city.NameZh, Unbracketed(city.NameEn), SnapshotLayout.Groups)),
                ("of", c.Integer(n, d.RankingsFile, "rank"))));
        return new BriefingSection("note", c.T.Heading("note"), paragraphs);
    }

    /// <summary>数据期间: the month's cumulative figures, and the years of the evaluation ranks, targets and 亩均 figures stated.</summary>
    private static string Periods(BriefingContext c)
    {
        var w = c.T.Note;
        var d = c.Data;
        var parts = new List<string>();
        void Add(string key, params (string, string?)[] values)
        {
            if (w.TryGetValue(key, out var pattern)) parts.Add(BriefingText.Fill(pattern, values));
        }
        Add("periodMain", ("periodName", c.PeriodName()));
        if (d.Official.Where(o => o.Year <= d.Period.Year).Select(o => (int?)o.Year).Max() is { } official)
            Add("periodOfficial", ("year", c.Integer(official, BriefingData.OfficialFile, "period")));
        if (d.Targets.Any(t => t.Year == d.Period.Year)) Add("periodTargets", ("year", c.Period(d.Period.Year.ToString())));
        if (d.PerMuYear is { } perMu) Add("periodPerMu", ("year", c.Integer(int.Parse(perMu), SnapshotLayout.ManifestFile, "period")));
        return string.Join(c.T.ItemSeparator, parts);
    }

    /// <summary>"Liaocheng city (11 county-level units)" → "Liaocheng city": the count is stated, traced, on its own.</summary>
    private static string Unbracketed(string name) => name.Split(" (")[0];

    /// <summary>A logged label (the 中文名) in the briefing's language.</summary>
    private static string Label(BriefingContext c, string zh)
    {
        if (c.T.Lang == "zh") return zh;
        // A zone's figure (BriefingContext.Label) is logged in the briefing's language already.
        return c.Data.Registry.FindIndicator(zh) is { } ind ? UnitCatalogue.Name(ind.NameZh, ind.NameEn, c.T.Lang) : zh;
    }
}
