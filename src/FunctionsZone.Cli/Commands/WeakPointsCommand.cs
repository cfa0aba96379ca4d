using System.CommandLine;
using FunctionsZone.Cli.Output;

namespace FunctionsZone.Cli.Commands;

/// <summary>
/// fz weakpoints --zone Z --period P [--scheme S] [--json]: 短板, worst first, with the points each costs against the group
/// median, as publish stored them in the zone page (without --scheme: the zone's headline scheme, as the portal and the
/// briefing show).
/// </summary>
public static class WeakPointsCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var zone = Common.ZoneOption();
        var scheme = EvaluationOptions.SchemeOption(required: false);
        var period = Common.PeriodOption();
        var max = new Option<int?>("--max") { Description = "短板至多几项（另一规则，重新计算；默认取方案 weakPoints.maxCount） / at most this many weak points (another rule, recomputed; default: the scheme's)" };
        var share = new Option<double?>("--share") { Description = "短板累计失分占全部失分的比例（另一规则，重新计算；默认 0.8） / the share of all points lost the weak points account for (another rule; default 0.8)" };
        var json = Common.JsonOption();
        var cmd = new Command("weakpoints", "短板弱项：较组中位数失分最多的少数指标 / weak points: the few indicators that lose the most points against the group median") { zone, scheme, period, max, share, json };
        var text = Common.Reporting(cmd, ctx);
        cmd.SetAction(async (parse, ct) =>
        {
            var r = await EvaluationOptions.Reader(ctx).WeakPointsAsync(parse.GetValue(zone)!, parse.GetValue(scheme), parse.GetValue(period)!, ct,
                parse.GetValue(max), parse.GetValue(share));
            if (parse.GetValue(json)) { Printer.Json(output, r); return 0; }
            var x = await text(parse).LoadAsync(ct);
            output.WriteLine(x.Line(x.Fill("text.weakTitle", ("zone", x.Zone(r.Zone, r.Name)), ("scheme", x.En && r.SchemeNameEn.Length > 0 ? r.SchemeNameEn : r.SchemeName),
                ("period", r.Period), ("score", TextTable.Format(r.Score)), ("rank", r.Rank), ("of", r.Of))));
            var t = x.Table("col.indicator", "col.value", "col.groupRank", "col.pointsLost", "col.weak", "col.category", "col.normalised", "col.groupMedian")
                .Optional(5, 6, 7);
            foreach (var w in r.Indicators)
                t.Add(x.Indicator(w.Indicator, w.Name), w.Value is { } v ? x.Amount(v, w.Unit) : null, w.Rank is { } k ? $"{k}/{w.Of}" : x["text.noDataRank"],
                    w.PointsLost, x.Of("weak", w.Weak ? "true" : "false"), x.En ? null : w.Category, w.Normalised, w.GroupMedian);
            output.Write(x.Render(t));
            output.WriteLine(x.Line((x.En ? r.SelectionEn : r.SelectionZh) ?? ""));
            return 0;
        });
        return cmd;
    }
}
