using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Core.History;

/// <summary>
/// fz history and GET /api/history: a figure as published in the latest snapshot and the changes that led to it,
/// newest first. A correction stored but not yet published is not shown (it is not a figure anyone is served yet);
/// the published figure comes from the snapshot's per-period index, so a call reads one history partition, not a period.
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
        return new ValueHistory(z.Id, i.Code, p.ToString(), current, Published(changes, current));
    }

    /// <summary>The changes up to the one that stored the published figure (newest first); none when it was its first import.</summary>
    public static IReadOnlyList<ValueChange> Published(IReadOnlyList<ValueChange> changes, Observation? current)
    {
        if (current?.ImportId is not { } id) return [];
        var at = changes.ToList().FindIndex(c => c.ImportId == id);
        return at < 0 ? [] : changes.Skip(at).ToList();
    }
}
