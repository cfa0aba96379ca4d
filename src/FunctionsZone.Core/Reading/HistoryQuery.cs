using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.History;

namespace FunctionsZone.Core.Reading;

/// <summary>
/// fz history and GET /api/history: a figure as published in the latest snapshot and every change to it, newest first.
/// Both readers may see unpublished figures (fz has storage access, the route needs a key), so a correction stored
/// after the latest publish is shown, marked Published = false (未发布). The published figure comes from the
/// snapshot's per-period index, so a call reads one history partition, not a period.
/// </summary>
public sealed class HistoryQuery(IHistoryStore history, SnapshotReader snapshots)
{
    /// <summary>Zone and indicator by id or 中文名; throws LookupException / FormatException for unknown ones.</summary>
    public async Task<ValueHistory> GetAsync(string zone, string indicator, string period, CancellationToken ct = default)
    {
        var latest = await snapshots.LatestAsync(ct);
        var registry = await snapshots.RegistryAsync(latest, ct);
        var z = registry.Zone(zone);
        var i = registry.Indicator(indicator);
        var p = Period.Parse(period);
        var current = await snapshots.ObservationAsync(latest, z.Id, i.Code, p, ct);
        var changes = await history.ReadAsync(z.Id, i.Code, p, ct);
        return new ValueHistory(z.Id, i.Code, p.ToString(), current, Mark(changes, current));
    }

    /// <summary>
    /// Every change (newest first), those newer than the one that stored the published figure marked unpublished. When
    /// no change stored it (the published figure is its first import, which history does not record) or nothing is
    /// published, every recorded change came after: all are unpublished.
    /// </summary>
    public static IReadOnlyList<ValueChange> Mark(IReadOnlyList<ValueChange> changes, Observation? current)
    {
        var at = current?.ImportId is { } id ? changes.ToList().FindIndex(c => c.ImportId == id) : -1;
        var firstPublished = at < 0 ? changes.Count : at;
        return changes.Select((c, k) => c with { Published = k >= firstPublished }).ToList();
    }
}
