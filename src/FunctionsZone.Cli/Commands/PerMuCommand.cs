using FunctionsZone.Composition;
using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Tables;

namespace FunctionsZone.Cli.Commands;

/// <summary>
/// fz permu --period P [--group G] [--method benchmark|min-max] [--json]: 亩均效益 scores and classes A/B/C/D for a group's
/// zones (from the latest snapshot); with --enterprises, for the enterprises of seeds/enterprises-permu.csv (or --file).
/// </summary>
public static class PerMuCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var period = Common.PeriodOption();
        var group = Common.GroupOption(required: false);
        var method = new Option<string>("--method") { Description = "benchmark（Σ权重×值÷基准）或 min-max / benchmark or min-max", DefaultValueFactory = _ => "benchmark" };
        var enterprises = new Option<bool>("--enterprises") { Description = "评价企业而非开发区 / score enterprises instead of zones" };
        var file = new Option<FileInfo>("--file") { Description = "企业亩均数据 CSV（默认 seeds/enterprises-permu.csv） / enterprise figures CSV" };
        var json = Common.JsonOption();
        var cmd = new Command("permu", "亩均效益评价：得分与 A/B/C/D 分类 / per-mu efficiency scores and classes") { period, group, method, enterprises, file, json };
        var text = Common.Reporting(cmd, ctx);
        cmd.SetAction(async (parse, ct) =>
        {
            PerMuMethod m;
            switch (parse.GetValue(method))
            {
                case "benchmark" or "基准": m = PerMuMethod.Benchmark; break;
                case "min-max": m = PerMuMethod.MinMax; break;
                default: return Printer.Fail(Console.Error, $"--method 应为 benchmark 或 min-max / --method must be benchmark or min-max, not '{parse.GetValue(method)}'");
            }
            var p = Period.Parse(parse.GetValue(period)!);
            IReadOnlyList<PerMuUnit> units;
            PerMuConfig config;
            if (parse.GetValue(enterprises))
            {
                var path = parse.GetValue(file)?.FullName ?? (RepositoryPaths.FindUp("seeds") is { } s ? Path.Combine(s, "enterprises-permu.csv") : null);
                if (path is null || !File.Exists(path))
                    return Printer.Fail(Console.Error, $"找不到企业亩均数据文件 / enterprise figures not found: {path ?? "seeds/enterprises-permu.csv"} (pass --file)");
                var roster = Path.Combine(Path.GetDirectoryName(path)!, "enterprises.csv");
                units = PerMuEvaluation.ReadEnterprises(ctx.Get<ITableFileReader>(), await File.ReadAllTextAsync(path, ct), File.Exists(roster) ? await File.ReadAllTextAsync(roster, ct) : null, p.Year);
                config = PerMuConfig.Enterprises with { Method = m };
            }
            else
            {
                // Zones: the classes recompute published in the snapshot (periods/{p}/permu.json), as GET /api/permu serves them.
                var results = await EvaluationOptions.Reader(ctx).PerMuAsync(p.ToString(), parse.GetValue(group) ?? "shandong-zones", m, ct);
                var r = results[0];
                if (parse.GetValue(json)) { Printer.Json(output, r.Zones); return 0; }
                var x = await text(parse).LoadAsync(ct);
                Print(output, x, $"{x.Group(r.Group, r.GroupName)} · {p} · {m} · A ≤ {r.ShareA:P0}, D ≥ {r.ShareD:P0}", r.Indicators, r.Zones);
                return 0;
            }
            var scores = PerMuEvaluation.Evaluate(units, config);
            if (parse.GetValue(json)) { Printer.Json(output, scores); return 0; }
            var e = await text(parse).LoadAsync(ct);
            Print(output, e, $"{(e.En ? "Per-mu evaluation" : "亩均效益评价")} · {p} · {m} · A ≤ {config.ShareA:P0}, D ≥ {config.ShareD:P0}", config.Indicators, scores);
            return 0;
        });
        return cmd;
    }

    private static void Print(TextWriter output, CliText x, string title, IReadOnlyList<PerMuIndicator> indicators, IReadOnlyList<PerMuScore> scores)
    {
        output.WriteLine(title);
        var t = x.Table(["col.rank", "col.name", "col.score", "col.class", .. indicators.Select(i => x.Indicator(i.Indicator, i.NameZh))])
            .Optional([.. Enumerable.Range(4, indicators.Count)]);
        foreach (var s in scores)
            t.Add([$"{s.Rank}/{s.Of}", x.Zone(s.Id, s.Name), s.Score, x.En ? s.Class : $"{s.Class} {s.ClassName}", .. s.Parts.Select(p => (object?)(p.Value is { } v ? $"{v:0.##} ({p.Points:0.#})" : null))]);
        output.Write(x.Render(t));
    }
}
