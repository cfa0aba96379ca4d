using System.CommandLine;
using FunctionsZone.Cli.Output;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz composite --scheme S --period P [--zone Z] [--json]: the simulated 国评/省评/市对区 ranking, from the latest snapshot.</summary>
public static class CompositeCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var scheme = EvaluationOptions.SchemeOption();
        var period = Common.PeriodOption();
        var zone = Common.ZoneOption(required: false);
        var json = Common.JsonOption();
        var cmd = new Command("composite", "综合评价模拟：得分、位次、蒙特卡洛位次区间、官方位次 / composite score, rank, Monte Carlo interval, official rank") { scheme, period, zone, json };
        cmd.SetAction(async (parse, ct) =>
        {
            var r = await EvaluationOptions.Reader(ctx).CompositeAsync(parse.GetValue(scheme)!, parse.GetValue(period)!, ct);
            var zones = r.Zones.AsEnumerable();
            if (parse.GetValue(zone) is { } z)
            {
                var id = (await ctx.Reader().RegistryAsync(await ctx.Reader().LatestAsync(ct), ct)).Zone(z).Id;
                zones = zones.Where(x => x.Zone == id);
            }
            if (parse.GetValue(json)) { Printer.Json(output, zones.ToList()); return 0; }
            output.WriteLine($"{r.SchemeName} ({r.Scheme}) · {r.Period} · {r.GroupName} · {Kebab(r.Normalisation)}/{Kebab(r.Aggregation)}/{Kebab(r.Missing)} · 蒙特卡洛 {r.Draws} 次 draws, seed {r.Seed}, 权重 ±{r.WeightRange:P0}");
            if (r.Note is { } note) output.WriteLine(note);
            var t = new TextTable(["位次 rank", "开发区 zone", "得分 score", "中位 median", "P5–P95", "官方 official", "折算 scaled", "差 diff", .. r.Definition.Categories.Select(c => c.NameZh)]);
            foreach (var e in zones)
                t.Add([e.Rank is { } k ? $"{k}/{e.Of}" : "未排名", e.Name, e.Score, e.MedianRank, EvaluationOptions.Interval(e.RankP5, e.RankP95),
                    e.OfficialRank is { } o ? $"{o}/{e.OfficialOf} ({e.OfficialYear})" : null, e.ScaledRank, e.DifferenceFromOfficial,
                    .. e.Categories.Select(c => (object?)(c.Score is { } s ? $"{s:0.0} ({c.Rank})" : null))]);
            output.Write(t);
            return 0;
        });
        return cmd;
    }

    private static string Kebab(Enum value) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
