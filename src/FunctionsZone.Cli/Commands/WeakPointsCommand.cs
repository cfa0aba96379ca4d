using System.CommandLine;
using FunctionsZone.Cli.Output;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz weakpoints --zone Z --scheme S --period P [--json]: 短板, worst first, with the points each costs against the group median.</summary>
public static class WeakPointsCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var zone = Common.ZoneOption();
        var scheme = EvaluationOptions.SchemeOption();
        var period = Common.PeriodOption();
        var max = new Option<int?>("--max") { Description = "短板至多几项（默认取方案 weakPoints.maxCount，5） / at most this many weak points (default: the scheme's, 5)" };
        var share = new Option<double?>("--share") { Description = "短板累计失分占全部失分的比例（默认 0.8） / the share of all points lost the weak points account for (default 0.8)" };
        var json = Common.JsonOption();
        var cmd = new Command("weakpoints", "短板弱项：较组中位数失分最多的少数指标 / weak points: the few indicators that lose the most points against the group median") { zone, scheme, period, max, share, json };
        cmd.SetAction(async (parse, ct) =>
        {
            var r = await EvaluationOptions.Reader(ctx).WeakPointsAsync(parse.GetValue(zone)!, parse.GetValue(scheme)!, parse.GetValue(period)!, ct,
                parse.GetValue(max), parse.GetValue(share));
            if (parse.GetValue(json)) { Printer.Json(output, r); return 0; }
            output.WriteLine($"{r.Name} · {r.Scheme} · {r.Period} · 得分 score {TextTable.Format(r.Score)} · 位次 rank {r.Rank}/{r.Of}");
            var t = new TextTable("指标 indicator", "类别 category", "数值 value", "组内位次 rank", "标准化 v", "组中位 median", "失分 points lost", "短板 weak");
            foreach (var w in r.Indicators)
                t.Add(w.Name, w.Category, w.Value is { } v ? $"{TextTable.Format(v)} {w.Unit}" : null, w.Rank is { } k ? $"{k}/{w.Of}" : "无数据", w.Normalised, w.GroupMedian, w.PointsLost, w.Weak ? "短板" : "");
            output.Write(t);
            output.WriteLine($"{r.SelectionZh} / {r.SelectionEn}");
            return 0;
        });
        return cmd;
    }
}
