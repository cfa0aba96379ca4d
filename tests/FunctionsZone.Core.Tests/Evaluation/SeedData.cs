using FunctionsZone.Core.Derived;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Tests.Evaluation;

/// <summary>The seeds/ folder read in memory (registry, every observation file, 亩均 derived values, official ranks).</summary>
public static class SeedData
{
    public static string Folder { get; } = FindSeeds();

    private static readonly Lazy<(ZoneRegistry Registry, ObservationSet Set, IReadOnlyList<OfficialRank> Official)> _loaded = new(Load);

    public static ZoneRegistry Registry => _loaded.Value.Registry;
    public static ObservationSet Observations => _loaded.Value.Set;
    public static IReadOnlyList<OfficialRank> Official => _loaded.Value.Official;

    /// <summary>seeds/schemes/*.json, read and checked against the seed registry as ingest reads them.</summary>
    public static Core.Evaluation.SchemeCatalog Schemes { get; } = Core.Evaluation.SchemeCatalog.Of(Directory.GetFiles(Path.Combine(Folder, "schemes"), "*.json")
        .Order(StringComparer.Ordinal).Select(f =>
        {
            var findings = new List<Finding>();
            return Core.Evaluation.SchemeFile.Read(File.ReadAllText(f), Path.GetFileName(f), findings, Registry)
                   ?? throw new InvalidDataException(string.Join("\n", findings.Select(x => x.MessageEn)));
        }).ToArray());

    private static (ZoneRegistry, ObservationSet, IReadOnlyList<OfficialRank>) Load()
    {
        var registry = RegistryFiles.LoadFolder(Folder);
        var findings = new List<Finding>();
        var rows = new List<Observation>();
        foreach (var file in new[] { "observations.csv", "peers-observations.csv" })
        {
            var raw = LongCsvReader.Read(new StringReader(File.ReadAllText(Path.Combine(Folder, file))), findings);
            rows.AddRange(new RowResolver(registry).Resolve(raw, file, findings).Select(r => r.Observation));
        }
        var errors = findings.Where(f => f.Severity == Severity.Error).ToList();
        if (errors.Count > 0) throw new InvalidDataException(string.Join("\n", errors.Select(e => e.MessageEn)));
        var set = new ObservationSet(rows);
        foreach (var d in PerMuCalculator.Derive(registry, set, set.Periods.ToList())) set.Add(d);
        var official = ReferenceFileReader.ReadOfficialRanks(new FunctionsZone.Formats.CsvTableReader(), File.ReadAllText(Path.Combine(Folder, "official-ranks.csv")), registry, findings);
        return (registry, set, official);
    }

    private static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, "zones.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("seeds/ not found above the test binaries");
    }
}
