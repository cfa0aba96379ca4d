using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ports;

/// <summary>Stored observations (Table Storage in production, see docs/storage.md).</summary>
public interface IObservationStore
{
    /// <summary>Writes the observations that are new or changed; identical values are left alone.</summary>
    Task<WriteCounts> WriteAsync(IReadOnlyList<Observation> observations, string importId, CancellationToken ct = default);
    Task<IReadOnlyList<Observation>> ReadPeriodsAsync(IEnumerable<Period> periods, CancellationToken ct = default);
    Task<IReadOnlyList<Period>> ListPeriodsAsync(CancellationToken ct = default);

    /// <summary>
    /// Every stored figure (with a value) of these zone × indicator series, from a per-series summary kept on write, so
    /// validation's outlier window and 1-N月 neighbours cost the same reads in month 12 as in month 1; null when the store
    /// keeps no summary, and the caller reads the periods instead.
    /// </summary>
    Task<IReadOnlyList<Observation>?> ReadSeriesAsync(IReadOnlyCollection<(string Zone, string Indicator)> series, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<Observation>?>(null);
}
