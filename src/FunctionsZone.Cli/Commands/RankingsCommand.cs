using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Core.Rankings;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz rankings --period P --indicator I --group G [--measure level|growth] [--json], from the latest snapshot.</summary>
public static class RankingsCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var period = Common.PeriodOption();
        var indicator = Common.IndicatorOption();
        var group = Common.GroupOption();
        var measure = new Option<string>("--measure") { Description = "level（总量）或 growth（增速） / level or growth", DefaultValueFactory = _ => "level" };
        var json = Common.JsonOption();
        var cmd = new Command("rankings", "某期某指标在某组内的排名 / a ranking for a period, indicator and group") { period, indicator, group, measure, json };
        var text = Common.Reporting(cmd, ctx);
        cmd.SetAction(async (parse, ct) =>
        {
            if (!MeasureText.TryParse(parse.GetValue(measure), out var m))
                return Printer.Fail(Console.Error, $"--measure 应为 level 或 growth / --measure must be level or growth, not '{parse.GetValue(measure)}'");
            var r = await ctx.Reader().RankingAsync(parse.GetValue(period)!, parse.GetValue(indicator)!, parse.GetValue(group)!, m, ct);
            if (parse.GetValue(json))
            {
                Printer.Json(output, r.Entries.Select(e => new
                {
                    zone = e.Zone, name = e.Name, nameEn = e.NameEn, value = e.Value, unit = r.Unit, rank = e.Rank, of = e.Of, status = e.Status, basis = e.Basis,
                    previousRank = e.PreviousRank, moveFromPrevious = e.MoveFromPrevious, yearAgoRank = e.YearAgoRank, moveFromYearAgo = e.MoveFromYearAgo,
                    differencePoints = e.DifferencePoints,
                }));
                return 0;
            }
            var x = await text(parse).LoadAsync(ct);
            output.WriteLine(x.Line(x.Fill("text.rankingTitle", ("period", r.Period), ("indicator", x.Indicator(r.Indicator, r.IndicatorName)), ("group", x.Group(r.Group, r.GroupName)),
                ("measure", x.Of("measure", r.Measure == Core.Rankings.Measure.Level ? "level" : "growth")), ("unit", x.Unit(r.Unit)))));
            if (r.ReferenceValue is { } refValue) output.WriteLine(x.Fill("text.reference", ("reference", x.Zone(r.Reference!)), ("value", TextTable.Format(refValue))));
            var t = x.Table("col.rank", "col.zone", "col.value", x.Fill("col.previous", ("period", r.PreviousPeriod)), x.Fill("col.previous", ("period", r.YearAgoPeriod)), "col.diff");
            foreach (var e in r.Entries)
                t.Add(e.Rank is { } k ? $"{k}/{e.Of}" : x.Of("status", "not-ranked") + ((x.En ? e.NotRankedReasonEn : e.NotRankedReasonZh) is { } why ? $" ({why})" : ""), x.Zone(e.Zone, e.Name), e.Value, Move(e.MoveFromPrevious), Move(e.MoveFromYearAgo), e.DifferencePoints);
            output.Write(x.Render(t));
            return 0;
        });
        return cmd;
    }

    public static string? Move(int? move) => move switch
    {
        null => null,
        > 0 => $"↑{move}",
        < 0 => $"↓{-move}",
        _ => "=",
    };
}
