using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Bench.Generation;
using DomainPeriod = FunctionsZone.Core.Domain.Period;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz generate --zones N --indicators K --months M --seed S --out DIR: synthetic data in the canonical layout.</summary>
public static class GenerateCommand
{
    public static Command Create(TextWriter output)
    {
        var zones = new Option<int>("--zones") { Description = "开发区数 / number of zones", DefaultValueFactory = _ => 300 };
        var indicators = new Option<int>("--indicators") { Description = "指标数 / number of indicators", DefaultValueFactory = _ => 60 };
        var months = new Option<int>("--months") { Description = "月份数 / number of months", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "随机种子：同一种子生成相同文件 / random seed: the same seed gives the same files", DefaultValueFactory = _ => 1 };
        var start = new Option<string>("--start") { Description = "起始月份（默认 2022-01） / first month (default 2022-01)", DefaultValueFactory = _ => "2022-01" };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "输出文件夹 / output folder", Required = true };
        var json = Common.JsonOption();
        var cmd = new Command("generate", "生成合成数据（可用 fz run --seeds 导入） / generate synthetic data (ingestible by fz run --seeds)")
            { zones, indicators, months, seed, start, outDir, json };
        cmd.SetAction(parse =>
        {
            if (!DomainPeriod.TryParse(parse.GetValue(start), out var first) || !first.IsMonth)
                return Printer.Fail(Console.Error, $"起始月份「{parse.GetValue(start)}」格式错误，应为 2022-01 / bad --start '{parse.GetValue(start)}': expected a month such as 2022-01");
            var options = new GeneratorOptions
            {
                Zones = parse.GetValue(zones), Indicators = parse.GetValue(indicators), Months = parse.GetValue(months),
                Seed = parse.GetValue(seed), Start = first,
            };
            GenerationSummary s;
            try { s = new DatasetGenerator(options).WriteTo(parse.GetValue(outDir)!.FullName); }
            catch (ArgumentException e) { return Printer.Fail(Console.Error, e.Message); }
            if (parse.GetValue(json)) { Printer.Json(output, s); return 0; }
            var t = new TextTable("项目 item", "数量 count");
            t.Add("开发区 zones", s.Zones).Add("排名组 groups", s.Groups).Add("指标 indicators", s.Indicators).Add("月份 months", s.Months)
             .Add("观测行 observation rows", s.ObservationRows).Add("缺失值 missing values", s.MissingValues).Add("异常值序列 outlier series", s.Outliers)
             .Add("目标 targets", s.Targets);
            output.Write(t);
            output.WriteLine($"已写入 / written to {s.Folder} ({s.Files.Count} files, seed {s.Seed})");
            return 0;
        });
        return cmd;
    }
}
