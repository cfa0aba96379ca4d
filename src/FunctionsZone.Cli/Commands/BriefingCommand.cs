using System.CommandLine;
using FunctionsZone.Core.Briefing;
using FunctionsZone.Core.Publishing;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz briefing --zone Z --period P [--lang zh|en] [--format text|md|docx|json] [--out FILE]: 经济运行简报 from the latest snapshot.</summary>
public static class BriefingCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var zone = Common.ZoneOption();
        var period = Common.PeriodOption();
        var lang = new Option<string>("--lang") { Description = "语言 zh（默认）或 en / language: zh (default) or en" };
        var format = new Option<string>("--format") { Description = "text（默认）、md、docx 或 json / output format: text (default), md, docx, json" };
        var outFile = new Option<FileInfo>("--out") { Description = "写入文件（docx 必须） / write to this file (needed for docx)" };
        var json = Common.JsonOption();
        json.Description = "同 --format json / the same as --format json";
        var cmd = new Command("briefing", "经济运行简报：主要指标、考核位次、年度目标、对标、短板与争先进位 / the monthly briefing, written from the snapshot")
        {
            zone, period, lang, format, outFile, json,
        };
        cmd.SetAction(async (parse, ct) =>
        {
            var fmt = BriefingRendering.Format(parse.GetValue(format) ?? (parse.GetValue(json) ? "json" : "text"));
            var file = parse.GetValue(outFile);
            if (fmt == "docx" && file is null)
                throw new FormatException("docx 需要 --out 文件名 / docx needs --out FILE");
            var bytes = await ctx.Get<BriefingService>().RenderAsync(parse.GetValue(zone)!, parse.GetValue(period)!, parse.GetValue(lang), fmt, ct);
            if (file is null)
            {
                output.Write(System.Text.Encoding.UTF8.GetString(bytes));
                return 0;
            }
            await File.WriteAllBytesAsync(file.FullName, bytes, ct);
            Console.Error.WriteLine($"已写入 / written: {file.FullName} ({bytes.Length:N0} bytes)");
            return 0;
        });
        return cmd;
    }
}
