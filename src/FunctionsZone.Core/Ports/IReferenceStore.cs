using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Ports;

/// <summary>The registry, targets and published evaluation ranks.</summary>
public interface IReferenceStore
{
    Task SaveRegistryAsync(ZoneRegistry registry, CancellationToken ct = default);
    Task<ZoneRegistry> LoadRegistryAsync(CancellationToken ct = default);
    Task<WriteCounts> SaveTargetsAsync(IReadOnlyList<Target> targets, CancellationToken ct = default);
    Task<IReadOnlyList<Target>> LoadTargetsAsync(CancellationToken ct = default);
    Task<WriteCounts> SaveOfficialRanksAsync(IReadOnlyList<OfficialRank> ranks, CancellationToken ct = default);
    Task<IReadOnlyList<OfficialRank>> LoadOfficialRanksAsync(CancellationToken ct = default);
}
