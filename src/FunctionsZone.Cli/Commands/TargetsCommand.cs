using System.CommandLine;
using FunctionsZone.Cli.Output;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz targets --zone Z --year Y [--as-of P] [--json], from the latest snapshot.</summary>
public static class TargetsCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var zone = Common.ZoneOption();
        var year = new Option<int>("--year") { Description = "目标年度 / target year", Required = true };
        var asOf = new Option<string>("--as-of") { Description = "截至期间，如 2022-05（默认：该年最新月份） / as of month (default: the year's latest)" };
        var json = Common.JsonOption();
        var cmd = new Command("targets", "年度目标完成情况与序时进度 / target completion against 序时进度") { zone, year, asOf, json };
        cmd.SetAction(async (parse, ct) =>
        {
            var targets = await ctx.Reader().TargetsAsync(parse.GetValue(zone)!, parse.GetValue(year), parse.GetValue(asOf), ct);
            if (parse.GetValue(json)) { Printer.Json(output, targets); return 0; }
            output.Write(Table(targets));
            return 0;
        });
        return cmd;
    }

    public static string Table(IReadOnlyList<Core.Targets.TargetProgress> targets)
    {
        var w = new StringWriter();
        if (targets.Count > 0) w.WriteLine($"{targets[0].Zone} {targets[0].Year} 年目标，截至 / as of {targets[0].AsOf}，序时进度 {TextTable.Format(targets[0].TimeProgress)}%");
        // 较序时 is printed only where 序时进度 applies (flows, and levels from their baseline); shares show their distance in 个百分点.
        var t = new TextTable("指标 indicator", "类型 kind", "评判 judged", "目标 target", "实际 actual", "基期 baseline", "完成率 completion %", "较序时 gap (pp)",
            "距目标 distance", "季节序时 seasonal %", "R", "状态 status", "年末预计 projection", "月均还需 monthly needed");
        foreach (var p in targets)
            t.Add(p.Name, p.Kind, Judged(p.Judgement), $"{TextTable.Format(p.Target)} {p.Unit}", p.Actual,
                // The gap is the one that decided the status; a seasonal one says so.
                p.Baseline is { } b ? $"{TextTable.Format(b)} ({p.BaselinePeriod})" : null, p.Completion,
                p.GapPoints is { } g && p.TimeProgressBasis == "seasonal" ? $"{TextTable.Format(g)} (季节 seasonal)" : p.GapPoints,
                p.DistanceToTarget is { } d ? $"{(d > 0 ? "+" : "")}{TextTable.Format(d)} {p.DistanceUnit}" : null,
                p.SeasonalTimeProgress, p.ProgressRatio, p.Status, p.Projection, p.MonthlyNeeded);
        w.Write(t);
        foreach (var p in targets.Where(p => p.UndatedProjects is { Count: > 0 }))
            w.WriteLine($"{p.Name}：未计入无日期的项目 / undated projects not counted: {string.Join("、", p.UndatedProjects!)}");
        return w.ToString();
    }

    private static string Judged(string judgement) => judgement switch
    {
        "time-progress" => "序时 time",
        "from-baseline" => "基期起 from baseline",
        "growth" => "增速 growth",
        "growth-points" => "增速差 points",
        "distance-to-target" => "距目标 distance",
        "milestone" => "节点 milestone",
        _ => judgement,
    };
}
