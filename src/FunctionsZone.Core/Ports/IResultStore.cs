using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Results;

namespace FunctionsZone.Core.Ports;

/// <summary>Recomputed results per period, staged for publishing.</summary>
public interface IResultStore
{
    Task SaveAsync(PeriodResults results, CancellationToken ct = default);
    Task<PeriodResults?> LoadAsync(Period period, CancellationToken ct = default);
    Task<IReadOnlyList<Period>> ListAsync(CancellationToken ct = default);
}
