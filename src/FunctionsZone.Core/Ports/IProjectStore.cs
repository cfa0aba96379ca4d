using FunctionsZone.Core.Targets;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ports;

/// <summary>The project registry (projects.csv) as ingested (fzProjects, docs/storage.md); a file states its zones' whole list.</summary>
public interface IProjectStore
{
    Task<WriteCounts> SaveProjectsAsync(IReadOnlyList<Project> projects, CancellationToken ct = default);
    Task<IReadOnlyList<Project>> LoadProjectsAsync(CancellationToken ct = default);
}
