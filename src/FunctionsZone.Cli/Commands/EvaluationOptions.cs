using System.CommandLine;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Cli.Commands;

/// <summary>Options of the evaluation commands, named as the HTTP query parameters of /api/composite and friends.</summary>
public static class EvaluationOptions
{
    public static Option<string> SchemeOption(bool required = true) => new("--scheme")
    {
        Description = "评价方案 id、名称、别名或考核（市对区、国评、省评） / scheme id, name, alias or evaluation (city, national, provincial)",
        Required = required,
    };

    public static EvaluationReader Reader(CliContext ctx) => new(ctx.Reader());

    public static string Interval(int? p5, int? p95) => p5 is null ? "—" : $"{p5}–{p95}";
}
