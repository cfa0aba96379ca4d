using System.Diagnostics;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Results;

namespace FunctionsZone.Bench;

/// <summary>
/// Wall-clock time during which at least one storage call was in flight, so a stage's time splits into storage and
/// in-memory work without changing the pipeline (the bench wraps the real stores). Calls that overlap (a read ahead
/// beside a write, uploads in parallel) count once: summed, they made a stage's storage time exceed its wall time and
/// its in-memory part negative.
/// </summary>
public sealed class StorageClock
{
    private readonly Lock _gate = new();
    private long _ticks, _items, _since;
    private int _inFlight;

    public TimeSpan Elapsed
    {
        get
        {
            lock (_gate) return Stopwatch.GetElapsedTime(0, _ticks + (_inFlight > 0 ? Stopwatch.GetTimestamp() - _since : 0));
        }
    }

    /// <summary>Items the timed calls counted (entities read, for the observation reads).</summary>
    public long Items => Interlocked.Read(ref _items);
    public void Reset() { lock (_gate) { _ticks = 0; _since = Stopwatch.GetTimestamp(); } Interlocked.Exchange(ref _items, 0); }
    public void Count(long items) => Interlocked.Add(ref _items, items);

    public async Task<T> Time<T>(Func<Task<T>> call)
    {
        Enter();
        try { return await call(); }
        finally { Leave(); }
    }

    public async Task Time(Func<Task> call)
    {
        Enter();
        try { await call(); }
        finally { Leave(); }
    }

    private void Enter()
    {
        lock (_gate) if (_inFlight++ == 0) _since = Stopwatch.GetTimestamp();
    }

    private void Leave()
    {
        lock (_gate) if (--_inFlight == 0) _ticks += Stopwatch.GetTimestamp() - _since;
    }
}

/// <summary>The observation store timed; reads are also timed and counted on their own clock, so a stage shows what its reads cost.</summary>
internal sealed class TimedObservationStore(IObservationStore inner, StorageClock clock, StorageClock? reads = null) : IObservationStore
{
    public Task<WriteCounts> WriteAsync(IReadOnlyList<Observation> observations, string importId, CancellationToken ct = default) =>
        clock.Time(() => inner.WriteAsync(observations, importId, ct));
    public Task<IReadOnlyList<Observation>> ReadPeriodsAsync(IEnumerable<Period> periods, CancellationToken ct = default) =>
        clock.Time(async () =>
        {
            if (reads is null) return await inner.ReadPeriodsAsync(periods, ct);
            var list = await reads.Time(() => inner.ReadPeriodsAsync(periods, ct));
            reads.Count(list.Count);
            return list;
        });
    public Task<IReadOnlyList<Period>> ListPeriodsAsync(CancellationToken ct = default) => clock.Time(() => inner.ListPeriodsAsync(ct));
    public Task<IReadOnlyList<Observation>?> ReadSeriesAsync(IReadOnlyCollection<(string Zone, string Indicator)> series, CancellationToken ct = default) =>
        clock.Time(async () =>
        {
            if (reads is null) return await inner.ReadSeriesAsync(series, ct);
            var list = await reads.Time(() => inner.ReadSeriesAsync(series, ct));
            reads.Count(list?.Count ?? 0);
            return list;
        });
}

internal sealed class TimedReferenceStore(IReferenceStore inner, StorageClock clock) : IReferenceStore, ISchemeStore
{
    // The schemes are stored through the inner store too, timed the same way: recompute evaluates what was ingested.
    public Task<SchemeWrite> SaveSchemeAsync(Scheme scheme, string fileText, string importId, string? file, DateTimeOffset at, bool dryRun = false, CancellationToken ct = default) =>
        clock.Time(() => ((ISchemeStore)inner).SaveSchemeAsync(scheme, fileText, importId, file, at, dryRun, ct));
    public Task<IReadOnlyList<StoredScheme>> LoadSchemesAsync(CancellationToken ct = default) =>
        inner is ISchemeStore s ? clock.Time(() => s.LoadSchemesAsync(ct)) : Task.FromResult<IReadOnlyList<StoredScheme>>([]);
    public Task<IReadOnlyList<SchemeVersionInfo>> SchemeHistoryAsync(string id, CancellationToken ct = default) =>
        clock.Time(() => ((ISchemeStore)inner).SchemeHistoryAsync(id, ct));

    public Task SaveRegistryAsync(ZoneRegistry registry, CancellationToken ct = default) => clock.Time(() => inner.SaveRegistryAsync(registry, ct));
    public Task<ZoneRegistry> LoadRegistryAsync(CancellationToken ct = default) => clock.Time(() => inner.LoadRegistryAsync(ct));
    public Task<WriteCounts> SaveTargetsAsync(IReadOnlyList<Target> targets, CancellationToken ct = default) => clock.Time(() => inner.SaveTargetsAsync(targets, ct));
    public Task<IReadOnlyList<Target>> LoadTargetsAsync(CancellationToken ct = default) => clock.Time(() => inner.LoadTargetsAsync(ct));
    public Task<WriteCounts> SaveOfficialRanksAsync(IReadOnlyList<OfficialRank> ranks, CancellationToken ct = default) => clock.Time(() => inner.SaveOfficialRanksAsync(ranks, ct));
    public Task<IReadOnlyList<OfficialRank>> LoadOfficialRanksAsync(CancellationToken ct = default) => clock.Time(() => inner.LoadOfficialRanksAsync(ct));
}

internal sealed class TimedResultStore(IResultStore inner, StorageClock clock) : IResultStore
{
    public Task SaveAsync(PeriodResults results, CancellationToken ct = default) => clock.Time(() => inner.SaveAsync(results, ct));
    public Task<PeriodResults?> LoadAsync(Period period, CancellationToken ct = default) => clock.Time(() => inner.LoadAsync(period, ct));
    public Task<IReadOnlyList<Period>> ListAsync(CancellationToken ct = default) => clock.Time(() => inner.ListAsync(ct));
}

internal sealed class TimedSnapshotStore(ISnapshotStore inner, StorageClock clock) : ISnapshotStore
{
    public Task PublishAsync(SnapshotVersion version, CancellationToken ct = default) => clock.Time(() => inner.PublishAsync(version, ct));
    public Task WriteVersionAsync(SnapshotVersion version, CancellationToken ct = default) => clock.Time(() => inner.WriteVersionAsync(version, ct));
    public async Task<ISnapshotDraft> BeginVersionAsync(CancellationToken ct = default) => new TimedDraft(await clock.Time(() => inner.BeginVersionAsync(ct)), clock);
    public Task<bool> SwapLatestAsync(SnapshotVersion version, string? expected, CancellationToken ct = default) => clock.Time(() => inner.SwapLatestAsync(version, expected, ct));
    public Task<IReadOnlyList<string>> ApplyRetentionAsync(string latestVersion, CancellationToken ct = default) => clock.Time(() => inner.ApplyRetentionAsync(latestVersion, ct));
    public Task<SnapshotPointer?> LatestAsync(CancellationToken ct = default) => clock.Time(() => inner.LatestAsync(ct));
    public Task<(SnapshotPointer? Pointer, string? ETag)> LatestWithETagAsync(CancellationToken ct = default) => clock.Time(() => inner.LatestWithETagAsync(ct));
    public Task<byte[]?> ReadAsync(string version, string path, CancellationToken ct = default) => clock.Time(() => inner.ReadAsync(version, path, ct));
    public string Location(string version) => inner.Location(version);
}

/// <summary>A streamed version's storage time: waiting for an upload slot, reading back, and the final flush and manifest.</summary>
internal sealed class TimedDraft(ISnapshotDraft inner, StorageClock clock) : ISnapshotDraft
{
    public Task PutAsync(EncodedFile file, CancellationToken ct = default) => clock.Time(() => inner.PutAsync(file, ct));
    public Task<byte[]?> ReadObjectAsync(string objectName, CancellationToken ct = default) => clock.Time(() => inner.ReadObjectAsync(objectName, ct));
    public Task CommitAsync(SnapshotManifest manifest, CancellationToken ct = default) => clock.Time(() => inner.CommitAsync(manifest, ct));
    public Task<bool> LatestIntactAsync(CancellationToken ct = default) => clock.Time(() => inner.LatestIntactAsync(ct));
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

internal sealed class TimedImportLog(IImportLog inner, StorageClock clock) : IImportLog
{
    public Task SaveAsync(ImportSummary summary, CancellationToken ct = default) => clock.Time(() => inner.SaveAsync(summary, ct));
}
