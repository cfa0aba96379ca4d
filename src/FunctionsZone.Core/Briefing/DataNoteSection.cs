using FunctionsZone.Core.Snapshots;
namespace FunctionsZone.Core.Briefing;

/// <summary>
/// 数据说明: where every figure came from — the snapshot version and its files, which stated figures are the
/// speech's, derived, illustrative (made up) or computed by us, and what the ranks are ranked among.
/// Written last, from the figures the other sections logged.
/// </summary>
public static class DataNoteSection
{
    public static BriefingSection Build(BriefingContext c)
    {
        var w = c.T.Note;
        var d = c.Data;
        var figures = c.Figures.All.ToList();
        var files = figures.Select(f => f.File).Where(f => f != SnapshotLayout.ManifestFile).Distinct().Order(StringComparer.Ordinal).ToList();
        var paragraphs = new List<string>
        {
            BriefingText.Fill(w["sources"], ("version", c.Figures.Add(d.Latest.Version, null, SnapshotLayout.ManifestFile, "version")),
                ("files", string.Join(c.T.ListSeparator, files.Select(f => c.Figures.Add(f, null, SnapshotLayout.ManifestFile, "file"))))),
        };
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

    /// <summary>"Liaocheng city (11 county-level units)" → "Liaocheng city": the count is stated, traced, on its own.</summary>
    private static string Unbracketed(string name) => name.Split(" (")[0];

    /// <summary>A logged label (the 中文名) in the briefing's language.</summary>
    private static string Label(BriefingContext c, string zh)
    {
        if (c.T.Lang == "zh") return zh;
        var ind = c.Data.Registry.FindIndicator(zh);
        return ind is not null && ind.NameEn.Length > 0 ? ind.NameEn : zh;
    }
}
