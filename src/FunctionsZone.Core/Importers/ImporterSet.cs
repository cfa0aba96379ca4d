using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Core.Importers;

/// <summary>Every input kind's importer, and the order a run takes files in.</summary>
public static class ImporterSet
{
    public static IReadOnlyList<IImporter> All { get; } =
    [
        new RegistryImporter(InputKind.Indicators, 0), new RegistryImporter(InputKind.Groups, 1), new RegistryImporter(InputKind.Zones, 2),
        new ValidationRulesImporter(), new TargetsImporter(), new OfficialRanksImporter(), new SchemeImporter(), new ProjectsImporter(),
        new ObservationsImporter(),
    ];

    private static readonly Dictionary<InputKind, IImporter> ByKind = All.ToDictionary(i => i.Kind);

    /// <summary>The importer of a kind; null for a file no importer takes (InputKind.Ignored).</summary>
    public static IImporter? For(InputKind kind) => ByKind.GetValueOrDefault(kind);

    /// <summary>Registry first (indicators, groups, zones), then rules, targets, official ranks, schemes and projects, then observations by name.</summary>
    public static IReadOnlyList<InputFile> InRunOrder(IEnumerable<InputFile> files) =>
        files.OrderBy(f => For(f.Kind)?.RunOrder ?? int.MaxValue).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The observation file to parse while file i writes: the first after it with no registry file from i on, since a
    /// registry file may change what it resolves to.
    /// </summary>
    public static int? NextToParse(IReadOnlyList<InputFile> files, int i, IngestOptions options)
    {
        if (IsRegistryFile(files[i])) return null;
        for (var j = i + 1; j < files.Count; j++)
        {
            if (IsRegistryFile(files[j])) return null;
            if (ParsesAhead(files[j], options)) return j;
        }
        return null;
    }

    // Registry files are JSON (InputFile.Kind); their kind is told by the name, without decoding anything.
    private static bool IsRegistryFile(InputFile f) => f.Extension == ".json" && For(f.Kind) is RegistryImporter;

    // Only a file the import would read as observations: one it refuses (size, encoding) is refused in its turn, unread.
    private static bool ParsesAhead(InputFile f, IngestOptions options) => Refusal.Of(f, options) is null && f.Kind == InputKind.Observations;
}
