using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Core;

namespace FunctionsZone.Cli.Commands;

/// <summary>Options shared by several commands, named the same everywhere (and as the HTTP query parameters).</summary>
public static class Common
{
    public static Option<bool> JsonOption() => new("--json") { Description = "机器可读的 JSON 输出 / machine-readable JSON output" };
    public static Option<string> PeriodOption(bool required = true) => new("--period") { Description = "期间，如 2022-05 或 2021 / period, e.g. 2022-05 or 2021", Required = required };
    public static Option<string> ZoneOption(bool required = true) => new("--zone") { Description = "开发区 id、中文名或别名 / zone id, name or alias", Required = required };
    public static Option<string> IndicatorOption(bool required = true) => new("--indicator") { Description = "指标代码、中文名或别名 / indicator code, name or alias", Required = required };
    public static Option<string> GroupOption(bool required = true) => new("--group") { Description = "排名组 id、中文名或别名 / group id, name or alias", Required = required };

    /// <summary>--lang zh|en: the language of every word in the table; default from LANG (en_US… → en), zh otherwise.</summary>
    public static Option<string> LangOption()
    {
        var o = new Option<string>("--lang") { Description = "输出语言 zh|en（默认取环境变量 LANG，否则 zh） / output language zh|en (default from LANG, else zh)", DefaultValueFactory = _ => Labels.For(Environment.GetEnvironmentVariable("LANG")).Lang };
        o.AcceptOnlyFromAmong("zh", "en");
        return o;
    }

    public static Option<bool> WideOption() => new("--wide") { Description = "显示全部列（默认只显示主要列，宽度 ≤ 100） / all columns (default: the essential ones, ≤ 100 wide)" };

    /// <summary>--lang and --wide on a reporting command; the returned function gives the command's words.</summary>
    public static Func<ParseResult, CliText> Reporting(Command cmd, CliContext ctx)
    {
        var lang = LangOption();
        var wide = WideOption();
        cmd.Options.Add(lang);
        cmd.Options.Add(wide);
        return parse => new CliText(Labels.For(parse.GetValue(lang)), parse.GetValue(wide), ctx);
    }
}
