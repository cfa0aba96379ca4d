using System.Text.Json;
using FunctionsZone.Core;

namespace FunctionsZone.Cli.Output;

/// <summary>--json prints machine-readable JSON with stable field names; otherwise a readable table.</summary>
public static class Printer
{
    public static void Json(TextWriter output, object? value) => output.WriteLine(JsonSerializer.Serialize(value, Core.Json.Indented));

    public static int Fail(TextWriter error, string message, int code = 1)
    {
        error.WriteLine($"错误 / error: {message}");
        return code;
    }
}
