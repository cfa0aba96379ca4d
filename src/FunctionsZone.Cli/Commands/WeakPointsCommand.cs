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
        var json = Common.JsonOption();
        var cmd = new Command("weakpoints", "短板弱项：组内位次最差、较组中位数失分最多的指标 / weak points: indicators ranked worst and points lost vs the group median") { zone, scheme, period, json };
        cmd.SetAction(async (parse, ct) =>
        {
            var r = await EvaluationOptions.Reader(ctx).WeakPointsAsync(parse.GetValue(zone)!, parse.GetValue(scheme)!, parse.GetValue(period)!, ct);
            if (parse.GetValue(json)) { Printer.Json(output, r); return 0; }
            output.WriteLine($"{r.Name} · {r.Scheme} · {r.Period} · 得分 score {TextTable.Format(r.Score)} · 位次 rank {r.Rank}/{r.Of}");
            var t = new TextTable("指标 indicator", "类别 category", "数值 value", "组内位次 rank", "标准化 v", "组中位 median", "失分 points lost", "短板 weak");
            foreach (var w in r.Indicators)
                t.Add(w.Name, w.Category, w.Value is { } v ? $"{TextTable.Format(v)} {w.Unit}" : null, w.Rank is { } k ? $"{k}/{w.Of}" : "无数据", w.Normalised, w.GroupMedian, w.PointsLost, w.Weak ? "短板" : "");
            output.Write(t);
            return 0;
        });
        return cmd;
    }
}
