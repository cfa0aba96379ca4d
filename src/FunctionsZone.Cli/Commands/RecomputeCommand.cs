using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz recompute --period P; fz publish.</summary>
public static class RecomputeCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var period = Common.PeriodOption();
        var json = Common.JsonOption();
        var cmd = new Command("recompute", "重算某期排名与目标进度 / recompute rankings and target progress for a period") { period, json };
        var text = Common.Reporting(cmd, ctx);
        cmd.SetAction(async (parse, ct) =>
        {
            if (!Period.TryParse(parse.GetValue(period), out var p))
                return Printer.Fail(Console.Error, $"期间「{parse.GetValue(period)}」格式错误，应为 2022-05 或 2021 / bad period '{parse.GetValue(period)}': expected 2022-05 or 2021");
            var r = await ctx.Pipeline().RecomputeAsync(p, ct);
            var summary = new { period = r.Period, rankings = r.Rankings.Count, targets = r.Targets.Count, derived = r.Derived.Count, observations = r.Observations.Count };
            if (parse.GetValue(json)) Printer.Json(output, summary);
            else output.WriteLine(text(parse).Fill("text.recomputed", ("period", r.Period), ("rankings", r.Rankings.Count), ("targets", r.Targets.Count),
                ("derived", r.Derived.Count), ("observations", r.Observations.Count)));
            return 0;
        });
        return cmd;
    }

    public static Command CreatePublish(CliContext ctx, TextWriter output)
    {
        var json = Common.JsonOption();
        var cmd = new Command("publish", "发布快照 / publish a snapshot of every recomputed period") { json };
        var text = Common.Reporting(cmd, ctx);
        cmd.SetAction(async (parse, ct) =>
        {
            var pipeline = ctx.Pipeline();
            var pointer = await pipeline.PublishAsync(ct);
            var latest = pointer ?? await ctx.Reader().LatestAsync(ct);
            var result = new { published = pointer is not null, version = latest.Version, location = new Storage.Snapshots.BlobSnapshotStore(ctx.Clients).Location(latest.Version), periods = latest.Periods };
            if (parse.GetValue(json)) Printer.Json(output, result);
            else output.WriteLine(text(parse).Fill(pointer is null ? "text.publishUnchanged" : "text.published", ("version", latest.Version), ("location", result.location)));
            return 0;
        });
        return cmd;
    }
}
