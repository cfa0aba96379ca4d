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
        var t = new TextTable("指标 indicator", "类型 kind", "目标 target", "实际 actual", "完成率 completion %", "较序时 gap (pp)", "季节序时 seasonal %", "R", "状态 status", "年末预计 projection", "月均还需 monthly needed");
        foreach (var p in targets)
            t.Add(p.Name, p.Kind, $"{TextTable.Format(p.Target)} {p.Unit}", p.Actual, p.Completion, p.GapPoints, p.SeasonalTimeProgress, p.ProgressRatio, p.Status, p.Projection, p.MonthlyNeeded);
        w.Write(t);
        return w.ToString();
    }
}
