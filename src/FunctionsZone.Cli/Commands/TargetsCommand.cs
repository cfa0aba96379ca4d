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
        var text = Common.Reporting(cmd, ctx);
        cmd.SetAction(async (parse, ct) =>
        {
            var targets = await ctx.Reader().TargetsAsync(parse.GetValue(zone)!, parse.GetValue(year), parse.GetValue(asOf), ct);
            if (parse.GetValue(json)) { Printer.Json(output, targets); return 0; }
            output.Write(Table(targets, await text(parse).LoadAsync(ct)));
            return 0;
        });
        return cmd;
    }

    /// <summary>
    /// The essential columns (indicator, status, completion, gap to 序时进度, target, actual) fit 100 columns; --wide adds
    /// kind, judgement, baseline, distance, seasonal pace, completion ÷ pace (explained below the table), projection and
    /// what each month still needs.
    /// </summary>
    public static string Table(IReadOnlyList<Core.Targets.TargetProgress> targets, CliText x)
    {
        var w = new StringWriter();
        if (targets.Count > 0)
            w.WriteLine(x.Line(x.Fill("text.targetsTitle", ("zone", x.Zone(targets[0].Zone)), ("year", targets[0].Year), ("asOf", targets[0].AsOf), ("progress", TextTable.Format(targets[0].TimeProgress)))));
        // 较序时 is printed only where 序时进度 applies (flows, and levels from their baseline); shares show their distance in 个百分点.
        var t = x.Table("col.indicator", "col.status", "col.completion", "col.gap", "col.target", "col.actual",
            "col.kind", "col.judged", "col.baseline", "col.distance", "col.seasonal", "col.ratio", "col.projection", "col.monthly").Optional(6, 7, 8, 9, 10, 11, 12, 13);
        foreach (var p in targets)
            t.Add(x.En && p.NameEn.Length > 0 ? p.NameEn : x.Indicator(p.Indicator, p.Name), x.Of("status", p.Status), p.Completion,
                // The gap is the one that decided the status; a seasonal one says so.
                p.GapPoints is { } g && p.TimeProgressBasis == "seasonal" ? $"{TextTable.Format(g)} ({x.Of("judged", "seasonal")})" : p.GapPoints,
                x.Amount(p.Target, p.Unit), p.Actual, x.Of("kind", p.Kind), x.Of("judged", p.Judgement),
                p.Baseline is { } b ? $"{TextTable.Format(b)} ({p.BaselinePeriod})" : null,
                p.DistanceToTarget is { } d ? $"{(d > 0 ? "+" : "")}{x.Amount(d, p.DistanceUnit)}" : null,
                p.SeasonalTimeProgress, p.ProgressRatio, p.Projection, p.MonthlyNeeded);
        w.Write(x.Render(t));
        if (x.Wide) w.WriteLine(x["text.ratioNote"]);
        foreach (var p in targets.Where(p => p.UndatedProjects is { Count: > 0 }))
            w.WriteLine(x.Line(x.Fill("text.undated", ("name", x.En && p.NameEn.Length > 0 ? p.NameEn : p.Name), ("list", string.Join(x.En ? ", " : "、", x.En ? p.UndatedProjectsEn ?? p.UndatedProjects! : p.UndatedProjects!)))));
        return w.ToString();
    }
}
