using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Core.Importers;

/// <summary>
/// A scheme file (考核办法): checked against the registry the user ingested (its indicators and group), then stored as
/// the scheme's next version when its content changed. A file with an error changes nothing.
/// </summary>
public sealed class SchemeImporter : IImporter
{
    public InputKind Kind => InputKind.Scheme;
    public int RunOrder => 5;
    public ImportReach Reach => ImportReach.Nothing;

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
        var w = await store.SaveSchemeAsync(scheme, text, context.ImportId, context.File.Name, context.Started, context.Options.DryRun, ct);
        return ImportOutcome.Of(w.Created ? new ImportCounts(1, 0, 0, 0) : w.Changed ? new ImportCounts(0, 1, 0, 0) : new ImportCounts(0, 0, 1, 0));
    }

    /// <summary>Every stored scheme version, as recompute and publish read them.</summary>
    public static async Task<SchemeCatalog> LoadCatalogAsync(IReferenceStore references, CancellationToken ct) =>
        references is ISchemeStore store ? new SchemeCatalog(await store.LoadSchemesAsync(ct)) : SchemeCatalog.Empty;
}
