using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Importers;

/// <summary>The published evaluation ranks (国评, 省评, 市对区), checked against the registry; composites show them beside their own.</summary>
public sealed class OfficialRanksImporter : IImporter
{
    public InputKind Kind => InputKind.OfficialRanks;
    public int RunOrder => 5;
    public ImportReach Reach => ImportReach.Everything;

    public async Task<ImportOutcome> ImportAsync(ImportContext context, CancellationToken ct)
    {
        var references = context.Stores.References;
        var ranks = ReferenceFileReader.ReadOfficialRanks(context.Stores.Tables, context.File.Text(), await references.LoadRegistryAsync(ct), context.Findings);
        return ImportOutcome.Of(await context.WriteIfAllowed(ranks.Count,
            () => context.ChangeAsync(() => references.SaveOfficialRanksAsync(ranks, ct), ct)));
    }
}
