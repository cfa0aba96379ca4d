using FunctionsZone.Core.Domain;
using FunctionsZone.Core.History;

namespace FunctionsZone.Core.Ports;

/// <summary>Reads the history of one figure (fzHistory, see docs/storage.md).</summary>
public interface IHistoryStore
{
    Task<IReadOnlyList<ValueChange>> ReadAsync(string zone, string indicator, Period period, CancellationToken ct = default);
}
