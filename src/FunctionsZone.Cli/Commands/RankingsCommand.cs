using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Functions.Http;

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
        cmd.SetAction(async (parse, ct) =>
        {
            if (!ReadFunctions.TryMeasure(parse.GetValue(measure), out var m))
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
            output.WriteLine($"{r.Period} {r.IndicatorName} ({r.Indicator}) · {r.GroupName} · {(r.Measure == Core.Rankings.Measure.Level ? "总量 level" : "增速 growth")} · {r.Unit}");
            if (r.ReferenceValue is { } refValue) output.WriteLine($"全市 / reference ({r.Reference}): {TextTable.Format(refValue)}");
            var t = new TextTable("位次 rank", "开发区 zone", "数值 value", $"较{r.PreviousPeriod}", $"较{r.YearAgoPeriod}", "与全市差 diff (pp)");
            foreach (var e in r.Entries)
                t.Add(e.Rank is { } k ? $"{k}/{e.Of}" : e.NotRankedReasonZh is { } why ? $"未排名（{why}）" : "未排名 not ranked", e.Name, e.Value, Move(e.MoveFromPrevious), Move(e.MoveFromYearAgo), e.DifferencePoints);
            output.Write(t);
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
