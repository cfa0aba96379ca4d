using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Importers;

/// <summary>targets.csv: each zone's annual targets, checked against the registry; every period's target progress reads them.</summary>
public sealed class TargetsImporter : IImporter
{
    public InputKind Kind => InputKind.Targets;
    public int RunOrder => 4;
    public ImportReach Reach => ImportReach.Everything;

    public async Task<ImportOutcome> ImportAsync(ImportContext context, CancellationToken ct)
    {
        var references = context.Stores.References;
        var targets = ReferenceFileReader.ReadTargets(context.Stores.Tables, context.File.Text(), await references.LoadRegistryAsync(ct), context.Findings);
        return ImportOutcome.Of(await context.WriteIfAllowed(targets.Count,
            () => context.ChangeAsync(() => references.SaveTargetsAsync(targets, ct), ct)));
    }
}
