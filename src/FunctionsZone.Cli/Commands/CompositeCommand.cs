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
        var text = Common.Reporting(cmd, ctx);
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
            var x = await text(parse).LoadAsync(ct);
            output.WriteLine(x.Line(x.Fill("text.compositeTitle", ("scheme", x.En && r.Definition.NameEn.Length > 0 ? r.Definition.NameEn : r.SchemeName), ("period", r.Period),
                ("group", x.Group(r.Group, r.GroupName)), ("method", $"{Kebab(r.Normalisation)}/{Kebab(r.Aggregation)}/{Kebab(r.Missing)}"),
                ("draws", r.Draws), ("seed", r.Seed), ("range", r.WeightRange.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)))));
            if (r.Note is { } note && !x.En) output.WriteLine(x.Line(note));
            // Category sub-scores are the --wide columns; the essential ones are rank, zone, score, interval and the official rank.
            var categories = r.Definition.Categories.Select(c => x.En && c.NameEn is { Length: > 0 } en ? en : c.DisplayName).ToArray();
            var t = x.Table(["col.rank", "col.zone", "col.score", "col.interval", "col.official", "col.median", "col.scaled", "col.difference", .. categories])
                .Optional([5, 6, 7, .. Enumerable.Range(8, categories.Length)]);
            foreach (var e in zones)
                t.Add([e.Rank is { } k ? $"{k}/{e.Of}" : x.Of("status", "not-ranked"), x.Zone(e.Zone, e.Name), e.Score, EvaluationOptions.Interval(e.RankP5, e.RankP95),
                    e.OfficialRank is { } o ? $"{o}/{e.OfficialOf} ({e.OfficialYear})" : null, e.MedianRank, e.ScaledRank, e.DifferenceFromOfficial,
                    .. e.Categories.Where(c => c.Level == 1).Select(c => (object?)(c.Score is { } s ? $"{s:0.0} ({c.Rank})" : null))]);
            output.Write(x.Render(t));
            return 0;
        });
        return cmd;
    }

    private static string Kebab(Enum value) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
