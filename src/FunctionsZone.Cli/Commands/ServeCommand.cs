using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Cli.Serve;

namespace FunctionsZone.Cli.Commands;

/// <summary>
/// fz serve [--port 7071] [--run-timer]: the function app's HTTP functions on http://127.0.0.1:PORT/api without
/// Core Tools (FunctionHost). --run-timer fires the timer function once before serving.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var port = new Option<int>("--port") { Description = "端口 / port on 127.0.0.1", DefaultValueFactory = _ => 7071 };
        var runTimer = new Option<bool>("--run-timer") { Description = "启动前先运行一次定时函数 / fire the timer function once before serving" };
        var cmd = new Command("serve", "在本机提供 HTTP 接口（无需 Core Tools） / serve the HTTP functions on 127.0.0.1 without Core Tools") { port, runTimer };
        cmd.SetAction(async (parse, ct) =>
        {
            await using var host = new FunctionHost(ctx.Configuration, parse.GetValue(port));
            if (parse.GetValue(runTimer))
            {
                foreach (var t in host.Timers)
                {
                    output.WriteLine($"运行定时函数 / running timer function {t.Name}…");
                    await host.RunTimerAsync(t.Name, ct);
                }
            }
            var url = await host.StartAsync(ct);
            var table = new TextTable("方法 method", "地址 route", "授权 auth", "函数 function");
            foreach (var f in host.Functions)
                table.Add(f.Methods.Count == 0 ? "*" : string.Join(",", f.Methods), $"{url}{FunctionCatalog.RoutePrefix}/{f.Route}", f.AuthLevel.ToString().ToLowerInvariant(), f.Name);
            foreach (var t in host.Timers)
                table.Add("POST", $"{url}admin/functions/{t.Name}", "admin", $"{t.Name} (timer {t.Schedule})");
            output.Write(table);
            if (host.GeneratedKey is not null)
                output.WriteLine($"未配置密钥，本次生成的主密钥 / no key configured; master key for this run: {host.GeneratedKey}");
            output.WriteLine($"正在监听 / listening on {url} (Ctrl+C 停止 / to stop)");
            output.Flush();
            try { await host.WaitForShutdownAsync(ct); }
            catch (OperationCanceledException) { }
            return 0;
        });
        return cmd;
    }
}
