using System.CommandLine;
using FunctionsZone.Core.Evaluation;

namespace FunctionsZone.Cli.Commands;

/// <summary>Options of the evaluation commands, named as the HTTP query parameters of /api/composite and friends.</summary>
public static class EvaluationOptions
{
    public static Option<string> SchemeOption() => new("--scheme")
    {
        Description = $"评价方案 id 或中文名 / scheme id or Chinese name ({string.Join(", ", SchemeCatalog.BuiltIn.Schemes.Select(s => s.Id))})",
        Required = true,
    };

    public static EvaluationReader Reader(CliContext ctx) => new(ctx.Reader());

    public static string Interval(int? p5, int? p95) => p5 is null ? "—" : $"{p5}–{p95}";
}
