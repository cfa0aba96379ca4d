using FunctionsZone.Core.Snapshots;
namespace FunctionsZone.Core.Briefing;

/// <summary>
/// 对标: the zone's 亩均 figures against its benchmark peers, the ratio said as a speaker says it —
/// "2021年全区亩均税收为3.58万元，仅为邹城经开区的五分之一", "不足三分之一".
/// </summary>
public static class BenchmarkSection
{
    public static BriefingSection Build(BriefingContext c)
    {
        var w = c.T.Benchmark;
        var d = c.Data;
        var paragraphs = new List<string>();
        if (d.PerMuFile is { } file)
        {
            var peers = d.BenchmarkPeers.Select(d.Registry.FindZone).OfType<Domain.Zone>().Where(z => z.Id != d.Zone.Id).ToList();
            var statements = new List<string>();
            foreach (var ind in d.Registry.Indicators.Where(i => i.IsPerMu))
            {
                var mine = d.PerMuObservations.FirstOrDefault(o => o.Zone == d.Zone.Id && o.Indicator == ind.Code)?.Value;
                if (mine is null) continue;
                foreach (var peer in peers)
                {
                    var theirs = d.PerMuObservations.FirstOrDefault(o => o.Zone == peer.Id && o.Indicator == ind.Code)?.Value;
                    if (theirs is not > 0) continue;
                    statements.Add(Statement(c, ind, mine.Value, peer, theirs.Value, file));
                }
            }
            if (statements.Count > 0) paragraphs.Add(string.Join(c.T.ItemSeparator, statements) + c.T.SentenceEnd);
        }
        if (paragraphs.Count == 0) paragraphs.Add(w["none"]);
        return new BriefingSection("benchmark", c.T.Heading("benchmark"), paragraphs);
    }

    private static string Statement(BriefingContext c, Domain.Indicator ind, decimal mine, Domain.Zone peer, decimal theirs, string file)
    {
        var w = c.T.Benchmark;
        var year = c.Integer(int.Parse(c.Data.PerMuYear!), SnapshotLayout.ManifestFile, "period");
        var value = c.Amount(mine, ind.Unit, file, "derived", ind.NameZh, round: 2, source: "derived");
        var peerValue = c.Amount(theirs, ind.Unit, file, "derived", c.Label(peer.NameZh, peer.NameEn, ind), round: 2, source: "derived");
        var spoken = SpokenFraction.Of(mine / theirs);
        var head = BriefingText.Fill(w["perMu"], ("year", year), ("name", c.Name(ind)), ("value", value), ("peer", c.Name(peer)), ("peerValue", peerValue));
        if (spoken.Denominator == 1 && spoken.Numerator == 1 && spoken.Side == SpokenFraction.Side.Exact)
        {
            // Level with the peer: the whole "…的X" tail is replaced.
            var cut = w["perMu"].IndexOf("{fraction}", StringComparison.Ordinal);
            var lead = BriefingText.Fill(w["perMu"][..Math.Max(cut, 0)], ("year", year), ("name", c.Name(ind)), ("value", value));
            return lead + BriefingText.Fill(w["equal"], ("peer", c.Name(peer)), ("peerValue", peerValue));
        }
        var qualifier = spoken.Side switch
        {
            SpokenFraction.Side.Under => w["under"],
            SpokenFraction.Side.About => w["about"],
            _ => mine < theirs ? w["only"] : w["about"],
        };
        var words = c.T.Lang == "zh" ? SpokenFraction.Chinese(spoken) : SpokenFraction.English(spoken);
        return BriefingText.Fill(head, ("fraction", qualifier), ("spoken", words));
    }
}
