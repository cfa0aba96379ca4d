using System.CommandLine;
using FunctionsZone.Core.Evaluation;

namespace FunctionsZone.Cli.Commands;

/// <summary>Options of the evaluation commands, named as the HTTP query parameters of /api/composite and friends.</summary>
public static class EvaluationOptions
{
    public static Option<string> SchemeOption() => new("--scheme")
    {
        Description = "评价方案 id 或中文名（已导入的方案，如 national、国评） / scheme id or Chinese name (an ingested scheme, e.g. national, 国评)",
        Required = true,
    };

    public static EvaluationReader Reader(CliContext ctx) => new(ctx.Reader());

    public static string Interval(int? p5, int? p95) => p5 is null ? "—" : $"{p5}–{p95}";
}
