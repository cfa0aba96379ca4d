using System.CommandLine;
using System.Text.Json;
using FunctionsZone.Bench;
using FunctionsZone.Cli.Output;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz bench --size small|medium|national [--json FILE]: FunctionsZone against the storage ceiling, in one run.</summary>
public static class BenchCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var size = new Option<string>("--size") { Description = "规模：small（种子数据）、medium（300×60×12）、national（2700×60×1） / size: small (the seeds), medium (300×60×12), national (2,700×60×1)", DefaultValueFactory = _ => "small" };
        size.AcceptOnlyFromAmong("small", "medium", "national");
        var json = new Option<FileInfo>("--json") { Description = "把结果写入 JSON 文件 / write the figures to a JSON file" };
        var seed = new Option<int>("--seed") { Description = "生成数据的随机种子 / seed of the generated data", DefaultValueFactory = _ => 1 };
        var keep = new Option<bool>("--keep") { Description = "保留本次运行的表和容器 / keep the run's tables and containers" };
        var cmd = new Command("bench", "基准测试：与存储上限、逐条写入对比 / benchmark against the storage ceiling and the naive way") { size, json, seed, keep };
        cmd.SetAction(async (parse, ct) =>
        {
            var which = Enum.Parse<BenchSize>(parse.GetValue(size)!, ignoreCase: true);
            var runner = new BenchRunner(ctx.Configuration, which, line => Console.Error.WriteLine($"bench: {line}"))
            {
                Seed = parse.GetValue(seed), Keep = parse.GetValue(keep), StoragePid = CpuMeter.StoragePidFromEnvironment(),
                InstanceHeapLimit = true,
            };
            var report = await runner.RunAsync(ct);
            output.Write(report.ToText());
            if (parse.GetValue(json) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, JsonSerializer.SerializeToUtf8Bytes(report, Core.Json.Indented), ct);
                output.WriteLine($"JSON → {file.FullName}");
            }
            return report.Agreement.Agrees ? 0 : 4;
        });
        return cmd;
    }
}
