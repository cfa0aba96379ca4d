using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Importers;

/// <summary>
/// A scheme file (考核办法): checked against the registry the user ingested (its indicators and group), then stored as
/// the scheme's next version when its content changed. A file with an error changes nothing. Every period's composite
/// evaluates the latest version, so a new one makes every period stale.
/// </summary>
public sealed class SchemeImporter : IImporter
{
    public InputKind Kind => InputKind.Scheme;
    public int RunOrder => 5;
    public ImportReach Reach => ImportReach.Everything;

    public async Task<ImportOutcome> ImportAsync(ImportContext context, CancellationToken ct)
    {
        var references = context.Stores.References;
        var registry = await references.LoadRegistryAsync(ct);
        var text = context.File.Text();
        var scheme = SchemeFile.Read(text, Path.GetFileName(context.File.Name), context.Findings, registry);
        if (scheme is null) return ImportOutcome.Of(new ImportCounts(0, 0, 0, 1));
        if (references is not ISchemeStore store)
        {
            context.Findings.Add(new Finding
            {
                Code = "schemes-not-stored", Severity = Severity.Warning,
                MessageZh = "此存储不保存评价方案，未导入", MessageEn = "This store keeps no schemes; the scheme was not imported",
            });
            return ImportOutcome.Of(new ImportCounts(0, 0, 0, 1));
        }
        var w = await context.ChangeAsync(async () =>
        {
            var saved = await store.SaveSchemeAsync(scheme, text, context.ImportId, context.File.Name, context.Started, context.Options.DryRun, ct);
            return saved.Created ? new WriteCounts(1, 0, 0) : saved.Changed ? new WriteCounts(0, 1, 0) : new WriteCounts(0, 0, 1);
        }, ct);
        return ImportOutcome.Of(new ImportCounts(w.Imported, w.Updated, w.Unchanged, 0));
    }

    /// <summary>Every stored scheme version, as recompute and publish read them.</summary>
    public static async Task<SchemeCatalog> LoadCatalogAsync(IReferenceStore references, CancellationToken ct) =>
        references is ISchemeStore store ? new SchemeCatalog(await store.LoadSchemesAsync(ct)) : SchemeCatalog.Empty;
}
