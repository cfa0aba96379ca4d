using System.CommandLine;

namespace FunctionsZone.Cli.Commands;

/// <summary>Options shared by several commands, named the same everywhere (and as the HTTP query parameters).</summary>
public static class Common
{
    public static Option<bool> JsonOption() => new("--json") { Description = "机器可读的 JSON 输出 / machine-readable JSON output" };
    public static Option<string> PeriodOption(bool required = true) => new("--period") { Description = "期间，如 2022-05 或 2021 / period, e.g. 2022-05 or 2021", Required = required };
    public static Option<string> ZoneOption(bool required = true) => new("--zone") { Description = "开发区 id 或中文名 / zone id or Chinese name", Required = required };
    public static Option<string> IndicatorOption(bool required = true) => new("--indicator") { Description = "指标代码或中文名 / indicator code or Chinese name", Required = required };
    public static Option<string> GroupOption(bool required = true) => new("--group") { Description = "排名组 id 或中文名 / group id or Chinese name", Required = required };
}
