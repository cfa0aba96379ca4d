using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Tables;

namespace FunctionsZone.Core.Importers;

/// <summary>
/// An observation file read and resolved against the registry, before anything is asked of the stored figures: the part
/// of an import that needs no storage, so <see cref="MonthlyPipeline.IngestEachAsync"/> does it for the next file while
/// the current one writes. With more rows than <see cref="IngestOptions.MaxRows"/> nothing is resolved (TooMany).
/// </summary>
public sealed record ParsedObservations(InputFile File, IngestOptions Options, ZoneRegistry Registry, int RawCount,
    IReadOnlyList<ResolvedRow> Resolved, IReadOnlyList<Finding> Findings, bool TooMany)
{
    public static ParsedObservations Read(ITableFileReader tables, InputFile file, ZoneRegistry registry, IngestOptions options)
    {
        var findings = new List<Finding>();
        var raw = ObservationFileReader.Read(tables, file, registry, findings, options.Limits);
        if (raw.Count > options.MaxRows)
        {
            findings.Add(new Finding
            {
                Code = "too-many-rows",
                MessageZh = $"文件有 {raw.Count:N0} 行，超过上限 {options.MaxRows:N0} 行，全部忽略",
                MessageEn = $"The file has {raw.Count:N0} rows, over the limit of {options.MaxRows:N0}; every row is ignored",
            });
            return new(file, options, registry, raw.Count, [], findings, true);
        }
        var resolved = new RowResolver(registry).Resolve(raw, Path.GetFileName(file.Name), findings);
        return new(file, options, registry, raw.Count, resolved, findings, false);
    }
}
