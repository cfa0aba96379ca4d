using FunctionsZone.Composition;
using System.CommandLine;
using FunctionsZone.Cli.Output;
using FunctionsZone.Core.Domain;
using DomainPeriod = FunctionsZone.Core.Domain.Period;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Cli.Commands;

/// <summary>fz run [--seeds DIR] [--zone Z] [--json]: what the timer does, over a folder, then the headline results.</summary>
public static class RunCommand
{
    public static Command Create(CliContext ctx, TextWriter output)
    {
        var seeds = new Option<DirectoryInfo>("--seeds") { Description = "输入文件夹（默认 seeds/） / input folder (default: seeds/)" };
        var zone = Common.ZoneOption(required: false);
        zone.Description = "标题结果所示的开发区（默认 lc-etdz） / the zone whose headline results are shown (default lc-etdz)";
        var json = Common.JsonOption();
        var cmd = new Command("run", "导入 → 重算 → 发布 / ingest → recompute → publish, as the timer does") { seeds, zone, json };
        var text = Common.Reporting(cmd, ctx);
        cmd.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(seeds)?.FullName ?? RepositoryPaths.FindUp("seeds");
            if (folder is null || !Directory.Exists(folder))
                return Printer.Fail(Console.Error, "找不到输入文件夹，请用 --seeds 指定 / no input folder: pass --seeds DIR");
            var files = InputFile.FromFolder(folder);
            var pipeline = ctx.Pipeline();
            var quiet = parse.GetValue(json);
            // Progress in the reader's language, as every other line fz prints.
            var english = text(parse).En;
            if (!quiet) pipeline.Progress.Line += line => Console.Error.WriteLine(line.In(english));
            var run = await pipeline.RunAsync(files, ctx.IngestOptions, ct);
            var home = parse.GetValue(zone) ?? ctx.Configuration["FunctionsZone:HomeZone"] ?? "lc-etdz";
            // 对标: the zones the headline compares 亩均 figures with (the speech's benchmark is 邹城经开区).
            var peers = ctx.Get<Core.Briefing.BriefingOptions>().Peers;
            var headline = await Headline.BuildAsync(ctx.Reader(), home, peers, ct);
            if (quiet)
            {
                Printer.Json(output, new { imports = run.Imports, recomputed = run.Recomputed, snapshot = run.Snapshot, location = run.Location, headline });
            }
            else
            {
                // Files that are not pipeline inputs (project and enterprise lists) get one line, not a table each.
                static bool NotAnInput(ImportSummary s) => s.Kind == "ignored";
                var x = text(parse);
                foreach (var s in run.Imports.Where(s => !NotAnInput(s) && (s.Status != ImportStatus.Success || s.Counts.Imported + s.Counts.Updated > 0)))
                    output.Write(IngestCommand.SummaryText(s, x));
                var skipped = run.Imports.Where(NotAnInput).Select(s => s.File).ToList();
                if (skipped.Count > 0)
                    output.WriteLine(x.Line(x.Fill("text.skipped", ("files", string.Join(", ", skipped)))));
                output.WriteLine();
                output.Write(headline?.ToText(await x.LoadAsync(ct)) ?? x.Fill("text.noResults", ("zone", home)) + "\n");
                output.WriteLine();
                output.WriteLine(x.Fill("text.snapshot", ("version", run.Snapshot?.Version), ("location", run.Location)));
            }
            return run.Imports.Any(s => s.Status == ImportStatus.Error) ? 2 : 0;
        });
        return cmd;
    }
}

/// <summary>The results a leadership meeting asks for first: ranks and moves, official ranks, 亩均 against peers, targets.</summary>
public sealed record Headline(
    string Zone, string Name, string Period,
    IReadOnlyList<Headline.RankLine> Ranks,
    IReadOnlyList<OfficialRankMove> Official,
    IReadOnlyList<Headline.PerMuLine> PerMu,
    IReadOnlyList<Core.Targets.TargetProgress> Targets)
{
    public sealed record RankLine(string Indicator, string Name, string Group, string Measure, decimal? Value, string Unit, int Rank, int Of, int? MoveFromPrevious, decimal? DifferencePoints, string? Basis = null, string? GroupId = null);
    public sealed record PerMuLine(string Indicator, string Name, string Period, decimal Value, string Peer, string PeerName, decimal PeerValue, decimal Ratio);

    public static async Task<Headline?> BuildAsync(SnapshotReader reader, string zoneName, IReadOnlyList<string> benchmarkPeers, CancellationToken ct)
    {
        var latest = await reader.LatestAsync(ct);
        var registry = await reader.RegistryAsync(latest, ct);
        var zone = registry.FindZone(zoneName);
        if (zone is null) return null;
        var month = latest.Periods.Where(p => DomainPeriod.TryParse(p, out var x) && x.IsMonth).Order(StringComparer.Ordinal).LastOrDefault();
        var ranks = new List<RankLine>();
        var targets = new List<Core.Targets.TargetProgress>();
        if (month is not null)
        {
            var doc = await reader.ReadAsync<SnapshotReader.RankingsDocument>(latest, SnapshotLayout.Rankings(month), ct);
            foreach (var r in doc?.Rankings ?? [])
            {
                var e = r.Entries.FirstOrDefault(x => x.Zone == zone.Id && x.Rank is not null);
                if (e is null || e.Of < 2) continue;
                ranks.Add(new RankLine(r.Indicator, r.IndicatorName, r.GroupName, r.Measure == Measure.Level ? "level" : "growth", e.Value, r.Unit, e.Rank!.Value, e.Of, e.MoveFromPrevious, e.DifferencePoints, e.Basis, r.Group));
            }
            targets.AddRange((await reader.ReadAsync<SnapshotReader.TargetsDocument>(latest, SnapshotLayout.Targets(month), ct))?.Targets.Where(t => t.Zone == zone.Id) ?? []);
        }
        var official = (await reader.ReadAsync<List<OfficialRankMove>>(latest, SnapshotLayout.OfficialRanks, ct) ?? []).Where(o => o.Zone == zone.Id).ToList();

        // 亩均: the zone against each peer that has the figure for the latest year.
        var perMu = new List<PerMuLine>();
        var year = latest.Periods.Where(p => DomainPeriod.TryParse(p, out var x) && !x.IsMonth).Order(StringComparer.Ordinal).LastOrDefault();
        if (year is not null)
        {
            var obs = await reader.ReadAsync<ObservationsDocument>(latest, SnapshotLayout.Observations(year), ct);
            foreach (var ind in registry.Indicators.Where(i => i.IsPerMu))
            {
                var mine = obs?.Observations.FirstOrDefault(o => o.Zone == zone.Id && o.Indicator == ind.Code)?.Value;
                if (mine is null) continue;
                var peerIds = benchmarkPeers.Select(p => registry.FindZone(p)?.Id).Where(id => id is not null).ToHashSet();
                foreach (var peer in obs!.Observations.Where(o => o.Indicator == ind.Code && peerIds.Contains(o.Zone) && o.Value > 0))
                    perMu.Add(new PerMuLine(ind.Code, ind.NameZh, year, Math.Round(mine.Value, 2), peer.Zone, registry.FindZone(peer.Zone)?.NameZh ?? peer.Zone,
                        Math.Round(peer.Value!.Value, 2), Math.Round(mine.Value / peer.Value.Value, 4)));
            }
        }
        return new Headline(zone.Id, zone.NameZh, month ?? year ?? "", ranks, official, perMu, targets);
    }

    public sealed record ObservationsDocument(string Period, List<Observation> Observations);

    public string ToText(CliText x)
    {
        var w = new StringWriter();
        w.WriteLine(x.Fill("text.headRankings", ("zone", x.Zone(Zone, Name)), ("period", Period)));
        var t = x.Table("col.indicator", "col.rank", "col.value", "col.move", "col.diff", "col.group", "col.measure").Optional(5, 6);
        foreach (var r in Ranks)
            t.Add(x.Indicator(r.Indicator, r.Name), $"{r.Rank}/{r.Of}", $"{x.Amount(r.Value, r.Unit)}{(r.Basis == "computed" ? " *" : "")}", RankingsCommand.Move(r.MoveFromPrevious),
                r.DifferencePoints, r.GroupId is { } g ? x.Group(g, r.Group) : r.Group, x.Of("measure", r.Measure));
        w.Write(x.Render(t));
        if (Ranks.Any(r => r.Basis == "computed")) w.WriteLine(x["text.computedGrowth"]);
        if (Official.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(x["text.headOfficial"]);
            var o = x.Table("col.evaluation", "col.year", "col.rank", "col.previousRank", "col.rankMove", "col.grade");
            foreach (var r in Official)
                o.Add(x.Of("evaluation", r.Evaluation), r.Year, $"{r.Rank}/{r.Of}", r.PreviousRank is { } p ? $"{p}/{r.PreviousOf}" : null, r.Move is null && (x.En ? r.NotComparableEn : r.NotComparableZh) is { } nc ? nc : RankingsCommand.Move(r.Move), x.Of("grade", r.Grade));
            w.Write(x.Render(o));
        }
        if (PerMu.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(x["text.headPerMu"]);
            var m = x.Table("col.indicator", "col.year", "col.thisZone", "col.peer", "col.peerValue", "col.peerRatio");
            foreach (var r in PerMu)
                m.Add(x.Indicator(r.Indicator, r.Name), r.Period, r.Value, x.Zone(r.Peer, r.PeerName), r.PeerValue, $"{r.Ratio:0.###} (≈1/{1 / r.Ratio:0.##})");
            w.Write(x.Render(m));
        }
        if (Targets.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(x["text.headTargets"]);
            w.Write(TargetsCommand.Table(Targets, x));
        }
        return w.ToString();
    }
}
