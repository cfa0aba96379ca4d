using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Host;
using FunctionsZone.Portal;
using FunctionsZone.Storage;

namespace FunctionsZone.Cli.Commands;

/// <summary>
/// fz serve [--port 7071] [--run-timer]: the function app as the Azure Functions host runs it, without Core Tools —
/// the built FunctionsZone.Functions worker in its own process behind FunctionsHost (gRPC to the worker, HTTP on
/// http://127.0.0.1:PORT/). --run-timer fires the timer function once through the worker before serving.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var port = new Option<int>("--port") { Description = "端口 / port on 127.0.0.1", DefaultValueFactory = _ => 7071 };
        var runTimer = new Option<bool>("--run-timer") { Description = "启动后先运行一次定时函数 / fire the timer function once before serving" };
        var cmd = new Command("serve", "像 Functions 主机一样运行函数应用（无需 Core Tools） / run the function app behind a Functions host stand-in on 127.0.0.1") { port, runTimer };
        cmd.SetAction(async (parse, ct) =>
        {
            var console = TextWriter.Synchronized(output);
            output.WriteLine("启动函数工作进程… / starting the functions worker…");
            output.Flush();
            var portal = PortalOptions.From(ctx.Configuration);
            var clients = ctx.Get<StorageClients>();
            var snapshots = clients.Container(clients.Options.SnapshotContainer);
            await using var host = await FunctionsHost.StartAsync(ctx.Configuration, new FunctionsHostOptions
            {
                Port = parse.GetValue(port),
                Output = line => { console.WriteLine(line); console.Flush(); },
                // The portal at / and the snapshot container at /snapshots/, as a CDN would serve them (docs/portal.md).
                Front = app => app.UsePortal(portal, snapshots),
            }, ct);

            var table = new TextTable("方法 method", "地址 route", "授权 auth", "函数 function");
            foreach (var f in host.Metadata.HttpFunctions.OrderBy(f => f.Route, StringComparer.Ordinal))
                table.Add(f.Methods.Count == 0 ? "*" : string.Join(",", f.Methods), $"{host.BaseAddress}{host.Metadata.PathOf(f).TrimStart('/')}",
                    f.AuthLevel.ToString().ToLowerInvariant(), f.Name);
            foreach (var t in host.Metadata.TimerFunctions)
                table.Add("POST", $"{host.BaseAddress}admin/functions/{t.Name}", "admin", $"{t.Name} (timer {host.ScheduleOf(t)})");
            console.Write(table);
            console.WriteLine($"函数工作进程 / functions worker: pid {host.WorkerProcessId}, {host.LoadedFunctions.Count} functions loaded, HTTP {host.WorkerHttpUri}");
            if (host.Keys.GeneratedMasterKey is not null)
                console.WriteLine($"未配置密钥，本次生成的主密钥 / no key configured; master key for this run: {host.Keys.GeneratedMasterKey}");

            if (parse.GetValue(runTimer))
                foreach (var t in host.Metadata.TimerFunctions)
                    if (!(await host.RunTimerAsync(t.Name, ct)).Succeeded) return 1;

            console.WriteLine(File.Exists(Path.Combine(portal.DistFolder, "index.html"))
                ? $"门户 / portal: {host.BaseAddress} (snapshots {host.BaseAddress}{portal.SnapshotPrefix.TrimStart('/')})"
                : $"门户未构建 / portal not built ({portal.DistFolder}): ./scripts/web.sh");
            console.WriteLine($"正在监听 / listening on {host.BaseAddress} (Ctrl+C 停止 / to stop)");
            console.Flush();
            await host.WaitForShutdownAsync(ct);
            if (ct.IsCancellationRequested) return 0;
            console.WriteLine($"函数工作进程已退出 / the functions worker exited");
            return 1;
        });
        return cmd;
    }
}
