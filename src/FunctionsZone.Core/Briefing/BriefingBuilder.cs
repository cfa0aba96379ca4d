using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Core.Briefing;

/// <summary>Writes a zone's monthly briefing from the published snapshot: sections, the month's table, the charts' data.</summary>
public static class BriefingBuilder
{
    /// <summary>The default 对标 peer: the speech compares 亩均 figures with 邹城经开区.</summary>
    public static readonly IReadOnlyList<string> DefaultPeers = ["zoucheng-edz"];

    public static Briefing Build(BriefingData data, BriefingTemplate t, MastheadSettings? masthead = null)
    {
        var c = new BriefingContext(data, t);
        var head = MastheadWriter.Build(c, masthead ?? new MastheadSettings());
        var periodName = c.PeriodName();
        var title = BriefingText.Fill(t.Title, ("zone", c.Name(data.Zone)), ("periodName", periodName));
        var dateLine = c.Fill(t.DateLine, ("version", c.Figures.Add(data.Latest.Version, null, SnapshotLayout.ManifestFile, "version")));
        // The data note is written last: it describes the figures the other sections stated.
        var sections = new List<BriefingSection>
        {
            MainIndicatorsSection.Build(c), OfficialRanksSection.Build(c), TargetsSection.Build(c),
            BenchmarkSection.Build(c), WeakPointsSection.Build(c),
        };
        sections.Add(DataNoteSection.Build(c));
        var (table, ranks) = Table(c);
        var targets = data.Targets.Where(x => x.Year == data.Period.Year && TargetsSection.AgainstTimeProgress(x))
            .Select(x => new TargetBar(c.Name(x.Name, x.NameEn, data.TargetsFile), x.Completion!.Value)).ToList();
        return new Briefing
        {
            Lang = t.Lang, Zone = data.Zone.Id, ZoneName = c.Name(data.Zone), Period = data.Period.ToString(),
            Masthead = head, Title = title, DateLine = dateLine, SnapshotVersion = data.Latest.Version,
            Sections = sections, Table = table, RankChart = ranks, TargetChart = targets,
            TimeProgress = data.Targets.FirstOrDefault(x => x.Year == data.Period.Year)?.TimeProgress,
            Figures = c.Figures.All,
            Captions = new Dictionary<string, string>
            {
                ["table"] = t.Heading("table"), ["rankChart"] = t.Heading("rankChart"), ["targetChart"] = t.Heading("targetChart"),
            },
        };
    }

    /// <summary>The month's indicators (the template's order, then the other city-ranked ones) and the rank chart's bars.</summary>
    private static (BriefingTable Table, IReadOnlyList<RankBar> Ranks) Table(BriefingContext c)
    {
        var t = c.T;
        var d = c.Data;
        var codes = t.Main.SelectMany(i => new[] { i }.Concat(i.Then)).Select(i => i.Indicator).OfType<string>()
            .Concat(MainIndicatorsSection.CityRanked(c)).Distinct().ToList();
        var rows = new List<BriefingRow>();
        var bars = new List<RankBar>();
        foreach (var code in codes)
        {
            var ind = d.Registry.FindIndicator(code);
            var o = ind is null ? null : d.Figure(ind.Code);
            if (ind is null || o?.Value is null) continue;
            var level = d.CityRank(ind.Code, Measure.Level);
            var growth = o.Yoy is { } yoy ? BriefingNumber.Plain(yoy) + "%"
                : d.CityRank(ind.Code, Measure.Growth) is { Entry: { Basis: "computed", Value: { } cg } } ? BriefingNumber.Plain(Math.Round(cg, 1)) + "%*"
                : "—";
            rows.Add(new BriefingRow(ind.Code, c.Name(ind), BriefingNumber.WithUnit(t, o.Value.Value, ind.Unit), growth,
                level is { } l ? BriefingText.Fill(t.RankOf, ("rank", l.Entry.Rank.ToString()), ("of", l.Entry.Of.ToString())) : "—",
                level is { } m ? c.MoveText(m.Entry.MoveFromPrevious) : "—"));
            if (level is { } b) bars.Add(new RankBar(c.Name(ind), b.Entry.Rank!.Value, b.Entry.Of));
        }
        var header = new[] { "indicator", "value", "growth", "rank", "move" }.Select(k => t.Table.GetValueOrDefault(k, k)).ToList();
        return (new BriefingTable(header, rows), bars);
    }
}
