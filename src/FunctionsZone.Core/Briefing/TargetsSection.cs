using FunctionsZone.Core.Targets;

namespace FunctionsZone.Core.Briefing;

/// <summary>
/// 年度目标: flows (cumulative, increment, count) against 序时进度 — "快于/慢于序时进度 N 个百分点", and what each
/// remaining month must add; growth targets against the target rate; levels and shares beside their target only
/// (序时进度 does not apply to a level).
/// </summary>
public static class TargetsSection
{
    private static readonly HashSet<string> Flows = ["cumulative", "increment", "count"];

    /// <summary>序时进度 applies: a flow with a completion and a gap, unless the snapshot says its basis is none.</summary>
    public static bool AgainstTimeProgress(TargetProgress p) =>
        Flows.Contains(p.Kind) && p.Actual is not null && p.Completion is not null && p.GapPoints is not null && p.TimeProgressBasis != "none";

    public static BriefingSection Build(BriefingContext c)
    {
        var w = c.T.Targets;
        var d = c.Data;
        var rows = d.Targets.Where(x => x.Year == d.Period.Year).ToList();
        if (rows.Count == 0) return new BriefingSection("targets", c.T.Heading("targets"), [w["none"]]);
        var paragraphs = new List<string>();
        var flows = rows.Where(AgainstTimeProgress).OrderBy(x => x.GapPoints).ToList();
        if (flows.Count > 0)
        {
            var opening = c.Fill(w["opening"], ("timeProgress", c.Percent(flows[0].TimeProgress, d.TargetsFile, "computed", "序时进度")));
            paragraphs.Add(opening + string.Join(c.T.ItemSeparator, flows.Select(x => Flow(c, x))) + c.T.SentenceEnd);
        }
        var others = rows.Where(x => !AgainstTimeProgress(x) && x.Actual is not null)
            .Select(x => x.Judgement == "growth-points" ? GrowthPoints(c, x) : x.Kind == "growth" ? Growth(c, x) : Level(c, x)).ToList();
        if (others.Count > 0) paragraphs.Add(string.Join(c.T.ItemSeparator, others) + c.T.SentenceEnd);
        var missing = rows.Where(x => x.Actual is null).Select(x => c.Name(x.Name, x.NameEn, c.Data.TargetsFile)).ToList();
        if (missing.Count > 0) paragraphs.Add(BriefingText.Fill(w["noData"], ("names", string.Join(c.T.ListSeparator, missing))) + c.T.SentenceEnd);
        return new BriefingSection("targets", c.T.Heading("targets"), paragraphs);
    }

    private static string Flow(BriefingContext c, TargetProgress x)
    {
        var w = c.T.Targets;
        var f = c.Data.TargetsFile;
        var gap = x.GapPoints!.Value;
        // A seasonal profile decided the gap: the sentence says so, so it never contradicts the linear 序时进度 it opened with.
        var seasonal = x.TimeProgressBasis == "seasonal" ? "Seasonal" : "";
        var gapText = gap == 0 ? w["onPace"] : BriefingText.Fill(Words(w, (gap > 0 ? "ahead" : "behind") + seasonal, gap > 0 ? "ahead" : "behind"), ("points", c.Points(gap, f, "computed", x.Name)));
        var s = BriefingText.Fill(w["flow"], ("name", c.Name(x.Name, x.NameEn, c.Data.TargetsFile)),
            ("actual", c.Amount(x.Actual!.Value, x.Unit, f, "reported", x.Name, source: ActualSource(c, x))),
            ("target", c.Amount(x.Target, x.Unit, f, "target", x.Name)),
            ("completion", c.Percent(x.Completion!.Value, f, "computed", x.Name)),
            ("gap", gapText));
        if (x.MonthlyNeeded is { } m && m > 0 && x.MonthsLeft > 0)
            s += c.T.Clause + BriefingText.Fill(w["needed"], ("monthly", c.Amount(m, x.Unit, f, "computed", x.Name)));
        return s;
    }

    /// <summary>Where the actual came from: the zone's observation of the indicator in the period.</summary>
    private static string? ActualSource(BriefingContext c, TargetProgress x) => c.Data.Figure(x.Indicator)?.Source;

    /// <summary>A template's words, or an older key's where a custom template (BriefingOptions) predates the new one.</summary>
    private static string Words(Dictionary<string, string> w, string key, string older) => w.TryGetValue(key, out var text) ? text : w[older];

    /// <summary>A growth rate against a growth target, as the bureau says it: 增长9.5%，高于目标1.5个百分点 (a fall is 下降, never a lost sign).</summary>
    private static string GrowthPoints(BriefingContext c, TargetProgress x)
    {
        var f = c.Data.TargetsFile;
        var points = x.DistanceToTarget ?? TimeProgress.Round(x.Actual!.Value - x.Target);
        var key = points == 0 ? "growthPointsEqual" : x.Actual < 0 ? "growthPointsFell" : points > 0 ? "growthPointsAbove" : "growthPointsBelow";
        return BriefingText.Fill(Words(c.T.Targets, key, points >= 0 ? "growthDone" : "growthShort"), ("name", c.Name(x.Name, x.NameEn, f)),
            ("actual", c.Percent(x.Actual!.Value, f, "reported", x.Name, source: ActualSource(c, x))),
            ("points", c.Points(points, f, "computed", x.Name)), ("target", c.Percent(x.Target, f, "target", x.Name)));
    }

    private static string Growth(BriefingContext c, TargetProgress x)
    {
        var f = c.Data.TargetsFile;
        var key = x.Actual >= x.Target ? "growthDone" : x.Actual < 0 ? "growthFell" : "growthShort";
        return BriefingText.Fill(Words(c.T.Targets, key, "growthShort"),
            ("name", c.Name(x.Name, x.NameEn, c.Data.TargetsFile)), ("actual", c.Percent(x.Actual!.Value, f, "reported", x.Name, source: ActualSource(c, x))), ("target", c.Percent(x.Target, f, "target", x.Name)));
    }

    private static string Level(BriefingContext c, TargetProgress x)
    {
        var f = c.Data.TargetsFile;
        return BriefingText.Fill(c.T.Targets["level"], ("name", c.Name(x.Name, x.NameEn, c.Data.TargetsFile)),
            ("actual", c.Amount(x.Actual!.Value, x.Unit, f, "reported", x.Name, source: ActualSource(c, x))), ("target", c.Amount(x.Target, x.Unit, f, "target", x.Name)));
    }
}
