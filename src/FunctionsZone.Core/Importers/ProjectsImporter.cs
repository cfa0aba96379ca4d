using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Targets;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Importers;

/// <summary>
/// projects.csv: the zone's project registry (10亿元以上产业项目), which project-count targets are measured by in every
/// period: a correction makes every period stale.
/// </summary>
public sealed class ProjectsImporter : IImporter
{
    public InputKind Kind => InputKind.Projects;
    public int RunOrder => 5;
    public ImportReach Reach => ImportReach.Everything;

    public async Task<ImportOutcome> ImportAsync(ImportContext context, CancellationToken ct)
    {
        var references = context.Stores.References;
        var list = ProjectRegistry.Read(context.Stores.Tables, context.File.Text(), await references.LoadRegistryAsync(ct), context.Findings);
        if (references is IProjectStore store)
            return ImportOutcome.Of(await context.WriteIfAllowed(list.Count, () => context.ChangeAsync(() => store.SaveProjectsAsync(list, ct), ct)));
        context.Findings.Add(new Finding
        {
            Code = "projects-not-stored", Severity = Severity.Warning,
            MessageZh = "此存储不保存项目库，未导入", MessageEn = "This store keeps no project registry; the file was not imported",
        });
        return ImportOutcome.Of(new ImportCounts(0, 0, 0, 0));
    }
}
