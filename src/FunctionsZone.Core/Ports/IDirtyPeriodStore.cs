using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ports;

/// <summary>
/// The periods imports changed, kept in storage until a run has recomputed what reads them and published
/// (fzDirtyPeriods, docs/storage.md). Every route marks them (HTTP, CLI, timer), so a correction sent over HTTP is
/// in the next timer run's snapshot.
/// </summary>
public interface IDirtyPeriodStore
{
    /// <summary>Marks the periods (null = everything) and returns each mark's new version.</summary>
    Task<IReadOnlyList<DirtyMark>> MarkAsync(IReadOnlyCollection<Period?> periods, string importId, CancellationToken ct = default);
    Task<IReadOnlyList<DirtyMark>> ListAsync(CancellationToken ct = default);
    /// <summary>
    /// Removes the marks that still have the version given: a period marked again since it was read (an import that
    /// ran meanwhile) stays dirty for the next run.
    /// </summary>
    Task ClearAsync(IReadOnlyCollection<DirtyMark> marks, CancellationToken ct = default);
}
