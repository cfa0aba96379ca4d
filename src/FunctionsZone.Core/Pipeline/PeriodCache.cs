using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// Stored observations by period for a recompute: only periods the store lists are read (a period with no data
/// costs no query), each at most once while it is kept.
/// </summary>
internal sealed class PeriodCache(IObservationStore store, IReadOnlyList<Period> storedPeriods)
{
    private readonly HashSet<Period> _stored = [.. storedPeriods];
    private readonly Dictionary<Period, List<Observation>> _loaded = [];

    public async Task<IReadOnlyList<Observation>> ReadAsync(IReadOnlySet<Period> needed, CancellationToken ct)
    {
        var missing = needed.Where(p => _stored.Contains(p) && !_loaded.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            foreach (var p in missing) _loaded[p] = [];
            foreach (var o in await store.ReadPeriodsAsync(missing, ct))
                if (_loaded.TryGetValue(o.Period, out var list)) list.Add(o);
        }
        return needed.Where(_loaded.ContainsKey).SelectMany(p => _loaded[p]).ToList();
    }

    /// <summary>Drops the periods no later recompute needs, so memory holds a few months, not the whole history.</summary>
    public void KeepOnly(IEnumerable<Period> stillNeeded)
    {
        var keep = stillNeeded.ToHashSet();
        foreach (var p in _loaded.Keys.Where(p => !keep.Contains(p)).ToList()) _loaded.Remove(p);
    }
}
