using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Pipeline;

/// <summary>
/// Ingests a scheme file: checked against the registry the user ingested (its indicators and group), then stored as
/// the scheme's next version when its content changed. A file with an error changes nothing.
/// </summary>
internal static class SchemeImport
{
    public static async Task<ImportCounts> IngestAsync(InputFile file, IReferenceStore references, string importId, DateTimeOffset at,
        IngestOptions options, List<Finding> findings, CancellationToken ct)
    {
        var registry = await references.LoadRegistryAsync(ct);
        var text = file.Text();
        var scheme = SchemeFile.Read(text, Path.GetFileName(file.Name), findings, registry);
        if (scheme is null) return new ImportCounts(0, 0, 0, 1);
        if (references is not ISchemeStore store)
        {
            findings.Add(new Finding
            {
                Code = "schemes-not-stored", Severity = Severity.Warning,
                MessageZh = "此存储不保存评价方案，未导入", MessageEn = "This store keeps no schemes; the scheme was not imported",
            });
            return new ImportCounts(0, 0, 0, 1);
        }
        var w = await store.SaveSchemeAsync(scheme, text, importId, file.Name, at, options.DryRun, ct);
        return w.Created ? new ImportCounts(1, 0, 0, 0) : w.Changed ? new ImportCounts(0, 1, 0, 0) : new ImportCounts(0, 0, 1, 0);
    }

    public static async Task<SchemeCatalog> LoadAsync(IReferenceStore references, CancellationToken ct) =>
        references is ISchemeStore store ? new SchemeCatalog(await store.LoadSchemesAsync(ct)) : SchemeCatalog.Empty;
}
