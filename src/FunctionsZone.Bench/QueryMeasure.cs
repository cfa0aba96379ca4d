using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Storage.Snapshots;

namespace FunctionsZone.Bench;

/// <summary>
/// What the reads ask for, from the latest snapshot: the latest month's largest group ranking of the first indicator (the
/// heaviest list a portal asks for), its first target, and its leader's series (a zone with data) over every period.
/// Each query is the string after the path ("?period=…"), the same in process and over HTTP.
/// </summary>
public sealed record QuerySubjects(string RankingQuery, string RankingNote, string? TargetQuery, string? TargetNote, string SeriesQuery, string SeriesNote)
{
    public static async Task<QuerySubjects> FindAsync(SnapshotReader reader, CancellationToken ct)
    {
        var latest = await reader.LatestAsync(ct);
        await reader.RegistryAsync(latest, ct);
        var month = latest.Periods.Where(p => Period.TryParse(p, out var x) && x.IsMonth).Order(StringComparer.Ordinal).LastOrDefault() ?? latest.Periods.Last();
        var doc = await reader.ReadAsync<SnapshotReader.RankingsDocument>(latest, SnapshotLayout.Rankings(month), ct);
        var ranking = doc!.Rankings.OrderByDescending(r => r.Entries.Count).First();
        var targetsDoc = await reader.ReadAsync<SnapshotReader.TargetsDocument>(latest, SnapshotLayout.Targets(month), ct);
        var target = targetsDoc?.Targets.FirstOrDefault();
        var seriesZone = ranking.Entries.First().Zone;
        return new QuerySubjects(
            $"?period={month}&indicator={Uri.EscapeDataString(ranking.Indicator)}&group={Uri.EscapeDataString(ranking.Group)}&measure={(ranking.Measure == Measure.Level ? "level" : "growth")}",
            $"{ranking.Group} · {ranking.Indicator}, {ranking.Entries.Count} entries",
            target is null ? null : $"?zone={Uri.EscapeDataString(target.Zone)}&year={target.Year}",
            target is null ? null : $"{target.Zone} {target.Year}",
            $"?zone={Uri.EscapeDataString(seriesZone)}&indicator={Uri.EscapeDataString(ranking.Indicator)}",
            $"{seriesZone} · {ranking.Indicator}, {latest.Periods.Count} periods");
    }
}

/// <summary>The reads: through the function classes in process (FunctionQueries), then over HTTP through fz serve's host (HttpQueries).</summary>
public static class QueryMeasure
{
    public static async Task<IReadOnlyList<BenchQuery>> RunAsync(BenchRun run, CancellationToken ct)
    {
        // One reader for the subjects and the default function reads, as a worker's one SnapshotReader serves both.
        var reader = new SnapshotReader(new BlobSnapshotStore(run.Services.Clients));
        var subjects = await QuerySubjects.FindAsync(reader, ct);
        var list = new List<BenchQuery>();
        list.AddRange(await FunctionQueries.RunAsync(run, reader, subjects));
        list.AddRange(await HttpQueries.RunAsync(run, subjects, ct));
        return list;
    }
}
