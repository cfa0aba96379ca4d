using System.CommandLine;
using FunctionsZone.Cli.Output;

namespace FunctionsZone.Cli.Commands;

/// <summary>
/// fz benchmark --zone Z --peer P --indicator I --period P [--json]: ratio, gap and "仅为…的五分之一";
/// fz benchmark --zone Z --period P --city-share: the zone's share of its city's own figures.
/// </summary>
public static class BenchmarkCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var zone = Common.ZoneOption();
        var peer = new Option<string>("--peer") { Description = "对标开发区 id 或中文名 / peer zone id or Chinese name" };
        var indicator = Common.IndicatorOption(required: false);
        var period = Common.PeriodOption();
        var cityShare = new Option<bool>("--city-share") { Description = "占所在城市的比重 / share of the city's own figure" };
        var json = Common.JsonOption();
        var cmd = new Command("benchmark", "对标：与任一开发区比较，或占全市比重 / compare with a peer, or share of the city") { zone, peer, indicator, period, cityShare, json };
        var text = Common.Reporting(cmd, ctx);
        cmd.SetAction(async (parse, ct) =>
        {
            var reader = EvaluationOptions.Reader(ctx);
            if (parse.GetValue(cityShare))
            {
                var shares = await reader.CitySharesAsync(parse.GetValue(zone), parse.GetValue(period)!, ct);
                if (parse.GetValue(json)) { Printer.Json(output, shares); return 0; }
                var x = await text(parse).LoadAsync(ct);
                var t = x.Table("col.zone", "col.indicator", "col.value", "col.city", "col.share");
                foreach (var s in shares) t.Add(x.Zone(s.Zone, s.ZoneName), x.Indicator(s.Indicator, s.IndicatorName), x.Amount(s.Value, s.Unit), $"{x.Amount(s.CityValue, s.Unit)} ({x.Zone(s.City, s.CityName)})", s.SharePercent);
                output.Write(x.Render(t));
                return 0;
            }
            if (parse.GetValue(peer) is not { } p || parse.GetValue(indicator) is not { } i)
                return Printer.Fail(Console.Error, "需要 --peer 和 --indicator，或 --city-share / pass --peer and --indicator, or --city-share");
            var r = await reader.CompareAsync(parse.GetValue(zone)!, p, i, parse.GetValue(period)!, ct);
            if (parse.GetValue(json)) { Printer.Json(output, r); return 0; }
            var y = await text(parse).LoadAsync(ct);
            var table = y.Table("col.indicator", y.Zone(r.Zone, r.ZoneName), y.Zone(r.Peer, r.PeerName), "col.ratioTo", "col.percentOf", "col.gapTo", "col.phrase");
            table.Add(y.Indicator(r.Indicator, r.IndicatorName), r.Value, r.PeerValue, r.Ratio, r.PercentOf, r.Gap is { } g ? (r.GapInPoints ? $"{TextTable.Format(g)} {y["text.points"]}" : y.Amount(g, r.Unit)) : null, r.Fraction);
            output.Write(y.Render(table));
            if ((y.En ? r.PhraseEn : r.PhraseZh) is { } phrase) output.WriteLine(y.Line(phrase));
            return 0;
        });
        return cmd;
    }
}
