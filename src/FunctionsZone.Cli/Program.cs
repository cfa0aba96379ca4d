using System.CommandLine;
using FunctionsZone.Cli;
using FunctionsZone.Cli.Commands;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core;

return await Fz.RunAsync(args, Console.Out);

namespace FunctionsZone.Cli
{
    /// <summary>fz: the pipeline and its reports from the command line, over the same storage the functions use.</summary>
    public static class Fz
    {
        public static RootCommand Build(CliContext ctx, TextWriter output)
        {
            var root = new RootCommand("fz — FunctionsZone 开发区经济运行监测 / development-zone statistics pipeline");
            root.Subcommands.Add(RunCommand.Create(ctx, output));
            root.Subcommands.Add(IngestCommand.Create(ctx, output));
            root.Subcommands.Add(RecomputeCommand.Create(ctx, output));
            root.Subcommands.Add(RecomputeCommand.CreatePublish(ctx, output));
            root.Subcommands.Add(RankingsCommand.Create(ctx, output));
            root.Subcommands.Add(TargetsCommand.Create(ctx, output));
            root.Subcommands.Add(HistoryCommand.Create(ctx, output));
            root.Subcommands.Add(ServeCommand.Create(ctx, output));
            root.Subcommands.Add(CompositeCommand.Create(ctx, output));
            root.Subcommands.Add(WeakPointsCommand.Create(ctx, output));
            root.Subcommands.Add(WhatIfCommand.Create(ctx, output));
            root.Subcommands.Add(BenchmarkCommand.Create(ctx, output));
            root.Subcommands.Add(PerMuCommand.Create(ctx, output));
            root.Subcommands.Add(BriefingCommand.Create(ctx, output));
            root.Subcommands.Add(GenerateCommand.Create(output));
            root.Subcommands.Add(BenchCommand.Create(ctx, output));
            return root;
        }

        public static async Task<int> RunAsync(string[] args, TextWriter output, CliContext? ctx = null)
        {
            Console.OutputEncoding = System.Text.Encoding.UTF8;
            var root = Build(ctx ?? new CliContext(), output);
            try
            {
                // fz alone lists the commands, as before; a usage error inside a command is one line.
                var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
                // A usage error is one bilingual line, not the whole English help.
                if (parse.Errors.Count > 0)
                {
                    Console.Error.WriteLine(UsageError(parse));
                    return 1;
                }
                // Our own handler below turns known failures into one clear line instead of a stack trace.
                return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (Exception e) when (e is Core.Registry.LookupException or Core.Snapshots.SnapshotNotFoundException or FormatException or InvalidDataException or InvalidOperationException)
            {
                Console.Error.WriteLine($"错误 / error: {e.Message}");
                return 1;
            }
            catch (SnapshotIntegrityException e)
            {
                Console.Error.WriteLine($"快照存储有误 / snapshot storage fault: {e.Message}");
                return 3;
            }
            catch (StorageUnavailableException e)
            {
                Console.Error.WriteLine($"无法连接存储（Azurite 是否已启动？） / cannot reach storage (is Azurite running?): {e.Message.Split('\n')[0]}");
                return 3;
            }
            catch (Core.Pipeline.PipelineBusyException e)
            {
                // Another run or publish holds the pipeline; nothing was changed by this one.
                Console.Error.WriteLine($"流水线正忙 / pipeline busy: {e.Message}");
                return 4;
            }
            catch (Azure.RequestFailedException e)
            {
                Console.Error.WriteLine($"存储请求失败 / storage request failed ({e.Status} {e.ErrorCode}): {e.Message.Split('\n')[0]}");
                return 3;
            }
            catch (HttpRequestException e)
            {
                Console.Error.WriteLine($"无法连接存储（Azurite 是否已启动？） / cannot reach storage (is Azurite running?): {e.Message}");
                return 3;
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stored values are consistent (each batch is a transaction); rerun to finish.
                Console.Error.WriteLine("已取消 / cancelled");
                return 130;
            }
        }

        /// <summary>Missing options named in both languages; any other parse error quoted, with where to find the usage.</summary>
        public static string UsageError(ParseResult parse)
        {
            var cmd = parse.CommandResult.Command;
            var path = cmd is RootCommand ? "fz" : $"fz {cmd.Name}";
            // System.CommandLine says "Option '--year' is required." for each; the names are read from those errors.
            var missing = parse.Errors.Select(e => System.Text.RegularExpressions.Regex.Match(e.Message, "Option '(--[A-Za-z0-9-]+)' is required"))
                .Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
            if (missing.Count > 0)
                return $"错误 / error: 缺少选项 {string.Join("、", missing)} / missing option {string.Join(", ", missing)} ({path} --help)";
            // System.CommandLine's messages may list choices on lines of their own: one line, whatever it says.
            var said = System.Text.RegularExpressions.Regex.Replace(string.Join("; ", parse.Errors.Select(e => e.Message)), @"\s+", " ");
            return $"错误 / error: 用法错误 / usage error: {said} ({path} --help)";
        }
    }
}
