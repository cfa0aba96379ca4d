using System.CommandLine;
using FunctionsZone.Cli.Output;

namespace FunctionsZone.Cli.Commands;

/// <summary>
/// fz whatif --zone Z --indicator I --scheme S --period P [--places K] [--json]: the smallest value of one indicator that
/// lifts the zone by K places, others held fixed. Without --indicator, --improve X lists which single indicator,
/// improved by X%, gains most places.
/// </summary>
public static class WhatIfCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var zone = Common.ZoneOption();
        var indicator = Common.IndicatorOption(required: false);
        var scheme = EvaluationOptions.SchemeOption();
        var period = Common.PeriodOption();
        var places = new Option<int>("--places") { Description = "提升位次数 / places to gain", DefaultValueFactory = _ => 1 };
        var improve = new Option<double?>("--improve") { Description = "各指标分别提升 X% 时可进的位次 / places gained by improving each indicator by X%" };
        var json = Common.JsonOption();
        var cmd = new Command("whatif", "争先进位测算：某指标达到多少可提升位次 / what value of an indicator lifts the zone's rank") { zone, indicator, scheme, period, places, improve, json };
        var text = Common.Reporting(cmd, ctx);
        cmd.SetAction(async (parse, ct) =>
        {
            var reader = EvaluationOptions.Reader(ctx);
            if (parse.GetValue(indicator) is not { } ind)
            {
                if (parse.GetValue(improve) is not { } pct)
                    return Printer.Fail(Console.Error, "需要 --indicator，或用 --improve X 比较各指标 / pass --indicator, or --improve X to compare all indicators");
                var gains = await reader.BestSingleAsync(parse.GetValue(zone)!, parse.GetValue(scheme)!, parse.GetValue(period)!, pct, ct);
                if (parse.GetValue(json)) { Printer.Json(output, gains); return 0; }
                var tx = await text(parse).LoadAsync(ct);
                output.WriteLine(tx.Fill("text.improveTitle", ("pct", pct)));
                var g = tx.Table("col.indicator", "col.current", "col.improved", "col.rank", "col.places");
                // A value held at its validation bound says which rule held it (share-0-100: a share stops at 100).
                foreach (var x in gains) g.Add(tx.Indicator(x.Indicator, x.Name), x.Current, x.CappedBy is { } rule ? $"{TextTable.Format(x.Improved)} (≤ {rule})" : x.Improved, $"{x.RankBefore} → {x.RankAfter}", x.Gain);
                output.Write(tx.Render(g));
                return 0;
            }
            if (parse.GetValue(places) < 1) return Printer.Fail(Console.Error, "--places 应为正整数 / --places must be a positive integer");
            var r = await reader.WhatIfAsync(parse.GetValue(zone)!, ind, parse.GetValue(scheme)!, parse.GetValue(period)!, parse.GetValue(places), ct);
            if (parse.GetValue(json)) { Printer.Json(output, r); return 0; }
            var w = await text(parse).LoadAsync(ct);
            output.WriteLine(w.Line(w.Fill("text.whatifTitle", ("zone", w.Zone(r.Zone, r.Name)), ("scheme", r.Scheme), ("period", r.Period),
                ("indicator", w.Indicator(r.Indicator, r.IndicatorName)), ("current", w.Amount(r.Current, r.Unit)), ("rank", r.Rank), ("of", r.Of))));
            if (r.Note is { } note && !w.En) output.WriteLine(w.Line(note));
            var t = w.Table("col.places", "col.targetRank", "col.required", "col.change", "col.changePercent");
            foreach (var s in r.Steps) t.Add(s.Places, s.TargetRank, s.Required is { } q ? w.Amount(q, r.Unit) : w["text.unreachable"], s.Change, s.ChangePercent);
            output.Write(w.Render(t));
            foreach (var s in r.Steps.Where(s => s.Unreachable is not null && s.Unreachable != r.Note)) output.WriteLine(w.Line(s.Unreachable!));
            return 0;
        });
        return cmd;
    }
}
