using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Core.Briefing;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz briefing --zone Z --period P [--lang zh|en] [--format text|md|docx|json] [--out FILE]: 经济运行简报 from the latest snapshot.</summary>
public static class BriefingCommand
{
    public static readonly string[] Formats = ["text", "md", "docx", "json"];

    public static Command Create(CliContext ctx, TextWriter output)
    {
        var zone = Common.ZoneOption();
        var period = Common.PeriodOption();
        var lang = new Option<string>("--lang") { Description = "语言 zh（默认）或 en / language: zh (default) or en", DefaultValueFactory = _ => "zh" };
        var format = new Option<string>("--format") { Description = "text（默认）、md、docx 或 json / output format" };
        var outFile = new Option<FileInfo>("--out") { Description = "写入文件（docx 必须） / write to this file (required for docx)" };
        var json = Common.JsonOption();
        var cmd = new Command("briefing", "经济运行简报：主要指标、考核位次、年度目标、对标、短板 / the monthly briefing, written from the snapshot")
        {
            zone, period, lang, format, outFile, json,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var fmt = (parse.GetValue(format) ?? (parse.GetValue(json) ? "json" : "text")).Trim().ToLowerInvariant();
            if (!Formats.Contains(fmt))
                return Printer.Fail(Console.Error, $"未知格式 '{fmt}'，可选 {string.Join("、", Formats)} / unknown format '{fmt}': use {string.Join(", ", Formats)}");
            var file = parse.GetValue(outFile);
            if (fmt == "docx" && file is null)
                return Printer.Fail(Console.Error, "docx 需要 --out 文件名 / docx needs --out FILE");
            var template = BriefingTemplate.Load(parse.GetValue(lang) ?? "zh", ctx.Configuration["FunctionsZone:BriefingTemplates"]);
            var briefing = await BriefingBuilder.BuildAsync(ctx.Reader(), parse.GetValue(zone)!, parse.GetValue(period)!, template, Peers(ctx), ct);
            var bytes = BriefingRendering.Render(briefing, fmt);
            if (file is not null)
            {
                await File.WriteAllBytesAsync(file.FullName, bytes, ct);
                Console.Error.WriteLine($"已写入 / written: {file.FullName} ({bytes.Length:N0} bytes)");
            }
            else output.Write(System.Text.Encoding.UTF8.GetString(bytes));
            return 0;
        });
        return cmd;
    }

    /// <summary>对标 peers (FunctionsZone:BenchmarkPeers, default 邹城经开区), as fz run's headline uses them.</summary>
    public static IReadOnlyList<string> Peers(CliContext ctx) =>
        ctx.Configuration["FunctionsZone:BenchmarkPeers"] is { Length: > 0 } p
            ? p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : BriefingBuilder.DefaultPeers;
}
