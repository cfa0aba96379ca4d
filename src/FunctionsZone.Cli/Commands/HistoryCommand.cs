using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Cli.Commands;

/// <summary>
/// fz history --zone Z --indicator I --period P [--json]: the published figure and every change to it, newest first;
/// fz reads storage, so a change not yet published is shown too, marked 未发布 / not yet published.
/// </summary>
public static class HistoryCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var zone = Common.ZoneOption();
        var indicator = Common.IndicatorOption();
        var period = Common.PeriodOption();
        var json = Common.JsonOption();
        var cmd = new Command("history", "某开发区某指标某期数值的修改记录（含未发布的） / the change history of one stored figure (unpublished changes too)") { zone, indicator, period, json };
        var text = Common.Reporting(cmd, ctx);
        cmd.SetAction(async (parse, ct) =>
        {
            var h = await ctx.Get<HistoryQuery>().GetAsync(parse.GetValue(zone)!, parse.GetValue(indicator)!, parse.GetValue(period)!, ct);
            if (parse.GetValue(json))
            {
                Printer.Json(output, h);
                return 0;
            }
            var x = await text(parse).LoadAsync(ct);
            output.WriteLine(x.Line($"{x.Zone(h.Zone)} · {x.Indicator(h.Indicator)} · {h.Period}"));
            output.WriteLine(x.Line(h.Current is { } c
                ? x.Fill("text.current", ("value", D(c.Value)), ("yoy", D(c.Yoy)), ("import", c.ImportId), ("file", c.SourceFile ?? c.Source))
                : x["text.noValue"]));
            if (h.Changes.Count == 0)
            {
                output.WriteLine(x["text.noChanges"]);
                return 0;
            }
            var t = x.Table("col.time", "col.old", "col.new", "col.published", "col.import", "col.oldYoy", "col.newYoy", "col.file").Optional(5, 6, 7);
            foreach (var ch in h.Changes)
                t.Add(ch.ChangedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), D(ch.OldValue), D(ch.NewValue), x.Of("published", ch.Published ? "true" : "false"),
                    ch.ImportId, D(ch.OldYoy), D(ch.NewYoy), ch.SourceFile);
            output.Write(x.Render(t));
            if (h.Changes.Count(c => !c.Published) is > 0 and var n) output.WriteLine(x.Fill("text.unpublishedNote", ("count", n)));
            return 0;
        });
        return cmd;
    }

    // Exact, as stored: a history is read to see what changed, so 4.715 must not print as 4.72.
    private static string D(decimal? d) => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
