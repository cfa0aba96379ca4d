using System.Collections.Concurrent;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Results;

namespace FunctionsZone.Storage.Memory;

/// <summary>Recompute's staged results by period.</summary>
public sealed class MemoryResultStore : IResultStore
{
    private readonly ConcurrentDictionary<string, PeriodResults> _results = new(StringComparer.Ordinal);
    public Task SaveAsync(PeriodResults results, CancellationToken ct = default) { _results[results.Period] = results; return Task.CompletedTask; }
    public Task<PeriodResults?> LoadAsync(Period period, CancellationToken ct = default) => Task.FromResult(_results.GetValueOrDefault(period.ToString()));
    public Task<IReadOnlyList<Period>> ListAsync(CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Period>>(_results.Keys.Select(Period.Parse).Order().ToList());
}

/// <summary>Every import summary as last saved, by import id (the PENDING one first, then its end).</summary>
public sealed class MemoryImportLog : IImportLog
{
    public ConcurrentDictionary<string, ImportSummary> Summaries { get; } = new(StringComparer.Ordinal);
    public Task SaveAsync(ImportSummary summary, CancellationToken ct = default) { Summaries[summary.ImportId] = summary; return Task.CompletedTask; }
}

/// <summary>Dirty marks with a version each: a clear removes a mark only if it still has the version read (as If-Match does).</summary>
public sealed class MemoryDirtyPeriodStore : IDirtyPeriodStore
{
    private readonly Dictionary<string, (Period? Period, string Version)> _marks = new(StringComparer.Ordinal);
    private long _version;

    public Task<IReadOnlyList<DirtyMark>> MarkAsync(IReadOnlyCollection<Period?> periods, string importId, CancellationToken ct = default)
    {
        lock (_marks)
        {
            var marked = periods.Distinct().Select(p =>
            {
                var mark = (p, (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture));
                _marks[p?.ToString() ?? "*"] = mark;
                return new DirtyMark(p, mark.Item2);
            }).ToList();
            return Task.FromResult<IReadOnlyList<DirtyMark>>(marked);
        }
    }

    public Task<IReadOnlyList<DirtyMark>> ListAsync(CancellationToken ct = default)
    {
        lock (_marks) return Task.FromResult<IReadOnlyList<DirtyMark>>(_marks.Values.Select(m => new DirtyMark(m.Period, m.Version)).ToList());
    }

    public Task ClearAsync(IReadOnlyCollection<DirtyMark> marks, CancellationToken ct = default)
    {
        lock (_marks)
            foreach (var m in marks)
            {
                var key = m.Period?.ToString() ?? "*";
                if (_marks.TryGetValue(key, out var held) && held.Version == m.Version) _marks.Remove(key);
            }
        return Task.CompletedTask;
    }
}

/// <summary>
/// One holder at a time within the process; a second waits up to its wait, then gets PipelineBusyException. No renewal
/// and never lost: a lease lost to storage is storage behaviour, tested against Azurite.
/// </summary>
public sealed class MemoryLease(TimeSpan wait, string whatZh, string whatEn) : IPipelineLease, IImportLease
{
    private readonly SemaphoreSlim _held = new(1, 1);

    public async Task<ILeaseHandle> AcquireAsync(string purpose, CancellationToken ct = default)
    {
        if (!await _held.WaitAsync(wait, ct))
            throw new PipelineBusyException($"{whatZh}正忙，未能在 {wait.TotalSeconds:0} 秒内取得锁 / The {whatEn} is busy; no lock within {wait.TotalSeconds:0} s");
        return new Handle(_held);
    }

    private sealed class Handle(SemaphoreSlim held) : ILeaseHandle
    {
        private int _released;
        public CancellationToken Lost => CancellationToken.None;
        public Exception? LostBecause => null;
        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) held.Release();
            return ValueTask.CompletedTask;
        }
    }
}
