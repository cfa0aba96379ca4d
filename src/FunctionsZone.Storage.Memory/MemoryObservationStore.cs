using FunctionsZone.Core.Domain;
using FunctionsZone.Core.History;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Storage.Memory;

/// <summary>
/// Observations and their change history (fzObservations, fzHistory) in memory: the same counts by the same rule
/// (ObservationChange), one history entry per transition (old import → new file, as the table's RowKey names it).
/// </summary>
public sealed class MemoryObservationStore(TimeProvider clock) : IObservationStore, IHistoryStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(Period Period, string Indicator, string Zone), Observation> _rows = new();
    private readonly Dictionary<(string Zone, string Indicator, Period Period, string Transition), ValueChange> _history = new();

    public Task<WriteCounts> WriteAsync(IReadOnlyList<Observation> observations, string importId, CancellationToken ct = default)
    {
        int imported = 0, updated = 0, unchanged = 0;
        lock (_gate)
        {
            foreach (var row in observations)
            {
                var key = (row.Period, row.Indicator, row.Zone);
                var old = _rows.GetValueOrDefault(key);
                var (kind, stored) = ObservationChange.Of(old, row);
                if (kind == ChangeKind.Unchanged) { unchanged++; continue; }
                if (kind == ChangeKind.New) imported++;
                else { updated++; Record(old!, stored); }
                _rows[key] = stored;
            }
        }
        return Task.FromResult(new WriteCounts(imported, updated, unchanged));
    }

    private void Record(Observation old, Observation @new)
    {
        // Keyed as fzHistory's RowKey: a retried import writes the same entry again, A → B → A gives three.
        var sha8 = @new.ImportId is { } id ? id[(id.LastIndexOf('-') + 1)..] : "none";
        _history[(@new.Zone, @new.Indicator, @new.Period, $"{old.ImportId ?? "none"}~{sha8}")] = new ValueChange
        {
            Zone = @new.Zone, Indicator = @new.Indicator, Period = @new.Period.ToString(),
            OldValue = old.Value, NewValue = @new.Value, OldYoy = old.Yoy, NewYoy = @new.Yoy,
            OldImportId = old.ImportId, ImportId = @new.ImportId ?? "", OldSourceFile = old.SourceFile, SourceFile = @new.SourceFile,
            ChangedAt = clock.GetUtcNow(),
        };
    }

    public Task<IReadOnlyList<Observation>> ReadPeriodsAsync(IEnumerable<Period> periods, CancellationToken ct = default)
    {
        // In the table's order: the periods as asked, each by partition ("{period}|{indicator}") and row (zone), ordinal.
        lock (_gate)
            return Task.FromResult<IReadOnlyList<Observation>>(periods.Distinct().SelectMany(p => _rows.Values.Where(o => o.Period == p)
                .OrderBy(o => o.Indicator, StringComparer.Ordinal).ThenBy(o => o.Zone, StringComparer.Ordinal)).ToList());
    }

    public Task<IReadOnlyList<Period>> ListPeriodsAsync(CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<Period>>(_rows.Keys.Select(k => k.Period).Distinct().Order().ToList());
    }

    public Task<IReadOnlyList<Observation>?> ReadSeriesAsync(IReadOnlyCollection<(string Zone, string Indicator)> series, CancellationToken ct = default)
    {
        var wanted = series.ToHashSet();
        lock (_gate) return Task.FromResult<IReadOnlyList<Observation>?>(_rows.Values.Where(o => o.Value is not null && wanted.Contains((o.Zone, o.Indicator))).ToList());
    }

    public Task<IReadOnlyList<ValueChange>> ReadAsync(string zone, string indicator, Period period, CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<ValueChange>>(_history.Where(h => h.Key.Zone == zone && h.Key.Indicator == indicator && h.Key.Period == period)
                .Select(h => h.Value).OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.ImportId, StringComparer.Ordinal).ToList());
    }
}
