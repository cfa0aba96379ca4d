using FunctionsZone.Host.Rpc.Messages;

namespace FunctionsZone.Host.Logging;

/// <summary>
/// The worker's logs (RpcLog) as the host prints them: "info: Category: message", with the level's short tag as the
/// .NET console logger writes it. The app's own categories from <c>least</c> (Information by default); the frameworks'
/// chatter (Microsoft.*, System.* from Warning, the Azure SDK's request traces Azure.* from Error) stays out.
/// </summary>
public static class WorkerLog
{
    public static string? Format(RpcLog log, RpcLog.Types.Level least)
    {
        if (log.Level == RpcLog.Types.Level.None || log.LogCategory == RpcLog.Types.RpcLogCategory.CustomMetric) return null;
        if ((int)log.Level < Math.Max((int)least, (int)FloorOf(log.Category))) return null;
        var line = $"{Tag(log.Level)}: {log.Category}: {log.Message}";
        if (log.Exception is { Message.Length: > 0 } e && !log.Message.Contains(e.Message, StringComparison.Ordinal))
            line += $" ({e.Type}: {e.Message})";
        return line;
    }

    private static RpcLog.Types.Level FloorOf(string category) =>
        category.StartsWith("Azure.", StringComparison.Ordinal) ? RpcLog.Types.Level.Error
        : category.StartsWith("Microsoft.", StringComparison.Ordinal) || category.StartsWith("System.", StringComparison.Ordinal) ? RpcLog.Types.Level.Warning
        : RpcLog.Types.Level.Trace;

    public static string Tag(RpcLog.Types.Level level) => level switch
    {
        RpcLog.Types.Level.Trace => "trce",
        RpcLog.Types.Level.Debug => "dbug",
        RpcLog.Types.Level.Information => "info",
        RpcLog.Types.Level.Warning => "warn",
        RpcLog.Types.Level.Error => "fail",
        _ => "crit",
    };
}
