using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace FunctionsZone.Functions;

/// <summary>
/// The worker's own log lines on its stdout, one a line as the .NET console tags them
/// (<c>info: FunctionsZone.Functions.Timer.MonthlyPipelineTimer: Recomputed 2022-05; snapshot …</c>): the app's
/// categories from Information, the frameworks' (Microsoft.*, System.*) from Warning, the Azure SDK's request traces
/// from Error. Under telemetryMode OpenTelemetry the host shows none of the worker's logs (shared/notes/functions-host.md),
/// so without an exporter this is where a person reads them: fz serve passes the worker's stdout through.
/// </summary>
public static class ConsoleLog
{
    public const string FormatterName = "fz-line";

    public static ILoggingBuilder AddWorkerConsole(this ILoggingBuilder logging)
    {
        logging.AddConsole(o => o.FormatterName = FormatterName).AddConsoleFormatter<LineFormatter, ConsoleFormatterOptions>();
        logging.AddFilter<ConsoleLoggerProvider>("Microsoft", LogLevel.Warning);
        logging.AddFilter<ConsoleLoggerProvider>("System", LogLevel.Warning);
        logging.AddFilter<ConsoleLoggerProvider>("Azure", LogLevel.Error);
        return logging;
    }

    public static string Tag(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    /// <summary>"tag: Category: message", and the exception's type and message when the message does not already say it.</summary>
    private sealed class LineFormatter() : ConsoleFormatter(FormatterName)
    {
        public override void Write<TState>(in LogEntry<TState> entry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
        {
            var message = entry.Formatter?.Invoke(entry.State, entry.Exception);
            if (string.IsNullOrEmpty(message) && entry.Exception is null) return;
            textWriter.Write($"{Tag(entry.LogLevel)}: {entry.Category}: {message}");
            if (entry.Exception is { } e && message?.Contains(e.Message, StringComparison.Ordinal) != true)
                textWriter.Write($" ({e.GetType().FullName}: {e.Message})");
            textWriter.WriteLine();
        }
    }
}
