using System.CommandLine;
using FunctionsZone.Cli.Output;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz history --zone Z --indicator I --period P [--json]: the stored figure and every change to it.</summary>
public static class HistoryCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var zone = Common.ZoneOption();
        var indicator = Common.IndicatorOption();
        var period = Common.PeriodOption();
        var json = Common.JsonOption();
        var cmd = new Command("history", "某开发区某指标某期数值的修改记录 / the change history of one stored figure") { zone, indicator, period, json };
        cmd.SetAction(async (parse, ct) =>
        {
            var h = await ctx.Get<FunctionsZone.Core.History.HistoryQuery>().GetAsync(parse.GetValue(zone)!, parse.GetValue(indicator)!, parse.GetValue(period)!, ct);
            if (parse.GetValue(json))
            {
                Printer.Json(output, h);
                return 0;
            }
            output.WriteLine($"{h.Zone} · {h.Indicator} · {h.Period}");
            output.WriteLine(h.Current is { } c
                ? $"当前 current: {D(c.Value)}  同比 yoy: {D(c.Yoy)}  (import {c.ImportId}, {c.SourceFile})"
                : "当前无数值 / no stored value");
            if (h.Changes.Count == 0)
            {
                output.WriteLine("无修改记录 / no changes recorded");
                return 0;
            }
            var t = new TextTable("时间 time (UTC)", "原值 old", "新值 new", "原同比 old yoy", "新同比 new yoy", "导入 import", "文件 file");
            foreach (var ch in h.Changes)
                t.Add(ch.ChangedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), D(ch.OldValue), D(ch.NewValue), D(ch.OldYoy), D(ch.NewYoy), ch.ImportId, ch.SourceFile);
            output.Write(t);
            return 0;
        });
        return cmd;
    }

    // Exact, as stored: a history is read to see what changed, so 4.715 must not print as 4.72.
    private static string D(decimal? d) => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
