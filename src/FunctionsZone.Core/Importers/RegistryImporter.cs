using FunctionsZone.Core.Domain;
using System.Text.Json;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Core.Importers;

/// <summary>
/// zones.json, groups.json, indicators.json: one part of the registry replaced whole (indicators first, then groups,
/// then zones, so each is checked against what it names). Everything reads the registry, so everything is marked dirty.
/// </summary>
public sealed class RegistryImporter(InputKind kind, int runOrder) : IImporter
{
    public InputKind Kind { get; } = kind;
    public int RunOrder { get; } = runOrder;
    public ImportReach Reach => ImportReach.Everything;

    public async Task<ImportOutcome> ImportAsync(ImportContext context, CancellationToken ct)
    {
        var references = context.Stores.References;
        var current = await references.LoadRegistryAsync(ct);
        ZoneRegistry next;
        try { next = Replaced(current, context.File.Text()); }
        catch (InvalidDataException e)
        {
            context.Findings.AddRange(Refused(e));
            return ImportOutcome.Of(new ImportCounts(0, 0, 0, 0));
        }
        context.Findings.AddRange(WithoutEnglish(next));
        var counts = Counted(Part(current), Part(next));
        if (counts.Imported + counts.Updated == 0) return ImportOutcome.Of(counts);
        if (!context.Options.DryRun)
            await context.ChangeAsync(async () => { await references.SaveRegistryAsync(next, ct); return new WriteCounts(counts.Imported, counts.Updated, counts.Unchanged); }, ct);
        return ImportOutcome.Of(counts);
    }

    // Entries by id: new, changed, or as stored (each entry's whole JSON compared). Entries the file no longer lists go with it.
    private static ImportCounts Counted(IReadOnlyList<(string Id, string Json)> current, IReadOnlyList<(string Id, string Json)> next)
    {
        var stored = current.ToDictionary(e => e.Id, e => e.Json, StringComparer.Ordinal);
        int imported = 0, updated = 0, unchanged = 0;
        foreach (var (id, json) in next)
        {
            if (!stored.TryGetValue(id, out var was)) imported++;
            else if (was == json) unchanged++;
            else updated++;
        }
        var listed = next.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var removed = current.Count(e => !listed.Contains(e.Id));
        // A withdrawn entry changes the registry too: counted among the updates, so the write is never skipped.
        return new ImportCounts(imported, updated + removed, unchanged, 0);
    }

    // Why the file is refused: names that resolve to two entries (ambiguous-name), a derived formula recompute cannot
    // compute (derived-formula), an id no storage key can be (bad-id), else the reader's message.
    private static IEnumerable<Finding> Refused(InvalidDataException e) =>
        e.InnerException is AmbiguousNameException a ? a.Findings
            : e.InnerException is UncomputableDerivedException u ? u.Findings
            : [StorageKey.FindingOf(e) ?? new Finding { Code = "malformed-json", MessageZh = Quote.Message(e), MessageEn = Quote.Message(e) }];

    private ZoneRegistry Replaced(ZoneRegistry current, string text) => Kind switch
    {
        InputKind.Zones => new ZoneRegistry(RegistryFiles.ReadZones(text), current.Groups, current.Indicators),
        InputKind.Groups => new ZoneRegistry(current.Zones, RegistryFiles.ReadGroups(text), current.Indicators),
        _ => new ZoneRegistry(current.Zones, current.Groups, RegistryFiles.ReadIndicators(text)),
    };

    private IReadOnlyList<(string Id, string Json)> Part(ZoneRegistry r) => Kind switch
    {
        InputKind.Zones => r.Zones.Select(z => (z.Id, Canonical(z))).ToList(),
        InputKind.Groups => r.Groups.Select(g => (g.Id, Canonical(g))).ToList(),
        _ => r.Indicators.Select(i => (i.Code, Canonical(i))).ToList(),
    };

    // Entries of this part with no nameEn, by their place in the file (entry n): reported, still imported.
    private IEnumerable<Finding> WithoutEnglish(ZoneRegistry r) => (Kind switch
    {
        InputKind.Zones => r.Zones.Select(z => (z.NameZh, z.NameEn, Zone: (string?)z.Id, Indicator: (string?)null)),
        InputKind.Groups => r.Groups.Select(g => (g.NameZh, g.NameEn, Zone: (string?)null, Indicator: (string?)null)),
        _ => r.Indicators.Select(i => (i.NameZh, i.NameEn, Zone: (string?)null, Indicator: (string?)i.Code)),
    }).Select((e, n) => (e, n)).Where(x => string.IsNullOrWhiteSpace(x.e.NameEn))
      .Select(x => MissingEnglishName.Finding(x.n + 1, "nameEn", x.e.NameZh, x.e.Zone, x.e.Indicator));

    private static string Canonical<T>(T item) => JsonSerializer.Serialize(item, Json.Options);
}
