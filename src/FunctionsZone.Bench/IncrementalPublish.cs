using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs.Models;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Storage;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Bench;

/// <summary>
/// The publish after a one-zone correction (issue 15): FullWritten blobs the full publish wrote into the run's own
/// container, Written blobs the correction's publish wrote (new or re-written, by ETag), Share = Written ÷ FullWritten;
/// ChangedFiles of Files logical files got new bytes, ZonePagesChanged of them zone pages (the corrected zone's, and
/// those of the zones it moved past in Group's ranking).
/// </summary>
public sealed record BenchIncrementalPublish(string Zone, string Indicator, string Group, string Period, decimal Before, decimal After,
    int Files, int ChangedFiles, int ZonePagesChanged, int FullWritten, int Written, double Share, double Seconds);

public static class IncrementalPublish
{
    /// <summary>
    /// Corrects one figure of one zone (+1 %; the zone and indicator as chosen below), ingests it as a one-row file,
    /// recomputes that month and publishes, counting the blobs written. Run right after the full publish, into the
    /// run's otherwise empty snapshot container.
    /// </summary>
    public static async Task<BenchIncrementalPublish> MeasureAsync(MonthlyPipeline pipeline, StorageClients clients, ZoneRegistry registry,
        SnapshotReader reader, SnapshotPointer full, CancellationToken ct)
    {
        var container = clients.Container(clients.Options.SnapshotContainer);
        var before = await ETagsAsync(container, ct);
        var period = full.Periods.Select(Period.Parse).Where(p => p.IsMonth).Max();
        var observations = await reader.ReadAsync<SnapshotReader.ObservationsDocument>(full, SnapshotLayout.Observations(period), ct)
                           ?? throw new InvalidOperationException($"快照中没有 {period} 的观测值 / the snapshot has no observations for {period}");
        var reported = observations.Observations.Where(o => o.Value is not null && o.Source?.StartsWith("derived", StringComparison.Ordinal) != true)
            .ToDictionary(o => (o.Zone, o.Indicator));
        // The zone in the middle of the first level ranking of a reported indicator: where the figures are densest, so a
        // +1 % correction is likely to move it past neighbours and change their pages too (not the easiest case).
        var rankings = await reader.ReadAsync<SnapshotReader.RankingsDocument>(full, SnapshotLayout.Rankings(period), ct)
                       ?? throw new InvalidOperationException($"快照中没有 {period} 的排名 / the snapshot has no rankings for {period}");
        var ranking = rankings.Rankings.Where(r => r.Measure == Core.Rankings.Measure.Level)
            .OrderByDescending(r => r.Entries.Count).ThenBy(r => r.Indicator, StringComparer.Ordinal)
            .First(r => r.Entries.Any(e => e.Rank is not null && reported.ContainsKey((e.Zone, r.Indicator))));
        var ranked = ranking.Entries.Where(e => e.Rank is not null && reported.ContainsKey((e.Zone, ranking.Indicator))).OrderBy(e => e.Rank).ToList();
        var zone = registry.Zone(ranked[ranked.Count / 2].Zone);
        var figure = reported[(zone.Id, ranking.Indicator)];
        var unit = registry.Indicator(figure.Indicator).Unit;
        var corrected = Math.Round(figure.Value!.Value * 1.01m, 4);
        var csv = "zone,indicator,period,value,yoy,unit\n" + string.Join(",", zone.Id, figure.Indicator, period,
            corrected.ToString(CultureInfo.InvariantCulture), figure.Yoy?.ToString(CultureInfo.InvariantCulture) ?? "", unit) + "\n";
        var summary = await pipeline.IngestAsync(new InputFile("bench-correction.csv", Encoding.UTF8.GetBytes(csv)), new IngestOptions(), ct);
        if (summary.Status == ImportStatus.Error || summary.Counts.Updated != 1)
            throw new InvalidOperationException($"更正未被导入 / the bench's one-zone correction was not imported as one updated value ({summary.Status}, updated {summary.Counts.Updated})");
        await pipeline.RecomputeAsync(period, ct);

        var sw = Stopwatch.StartNew();
        var pointer = await pipeline.PublishAsync(ct) ?? throw new InvalidOperationException("更正后的发布未产生新版本 / the correction's publish made no new version");
        var seconds = sw.Elapsed.TotalSeconds;
        var after = await ETagsAsync(container, ct);
        var written = after.Count(b => before.GetValueOrDefault(b.Key) != b.Value);
        var manifest = await reader.ReadAsync<SnapshotManifest>(pointer, SnapshotLayout.ManifestFile, ct);
        var old = await reader.ReadAsync<SnapshotManifest>(full, SnapshotLayout.ManifestFile, ct);
        var oldObjects = old?.Files.Select(f => f.Object).ToHashSet(StringComparer.Ordinal) ?? [];
        var changedFiles = manifest?.Files.Where(f => !oldObjects.Contains(f.Object)).Select(f => f.Path).ToList() ?? [];
        var changed = changedFiles.Count;
        var pages = changedFiles.Count(f => f.Contains("/zones/", StringComparison.Ordinal));
        return new BenchIncrementalPublish(zone.Id, figure.Indicator, ranking.Group, period.ToString(), figure.Value!.Value, corrected,
            manifest?.Files.Count ?? 0, changed, pages, before.Count, written, Math.Round(written / (double)before.Count, 4), Math.Round(seconds, 3));
    }

    private static async Task<Dictionary<string, string>> ETagsAsync(Azure.Storage.Blobs.BlobContainerClient container, CancellationToken ct)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var b in container.GetBlobsAsync(new GetBlobsOptions(), ct)) etags[b.Name] = b.Properties.ETag?.ToString() ?? "";
        return etags;
    }

    public static BenchGoal Goal(BenchIncrementalPublish? p, bool national) => p is null
        ? new BenchGoal("incremental publish ≤ 2 % of a full publish (national)", null, "not measured")
        : new BenchGoal("incremental publish ≤ 2 % of a full publish (national)", national ? p.Share <= 0.02 : null,
            $"publishIncrementalShare = {p.Share:P2}: {p.Written:N0} of {p.FullWritten:N0} blobs after correcting {p.Zone} {p.Indicator} {p.Period} " +
            $"{p.Before} → {p.After} (middle of {p.Group}'s ranking; {p.ChangedFiles:N0} of {p.Files:N0} files new bytes, {p.ZonePagesChanged:N0} zone pages; {p.Seconds:0.00} s)");
}
