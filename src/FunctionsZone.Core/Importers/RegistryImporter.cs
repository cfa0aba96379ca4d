using System.Text.Json;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Registry;

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
            context.Findings.Add(new Finding { Code = "malformed-json", MessageZh = Quote.Message(e), MessageEn = Quote.Message(e) });
            return ImportOutcome.Of(new ImportCounts(0, 0, 0, 0));
        }
        var count = Part(current).Count;
        var items = Part(next).Count;
        // Stored entries come back in key order, a file in its own: compare as sets.
        if (Canonical(Part(current)).SequenceEqual(Canonical(Part(next)))) return ImportOutcome.Of(new ImportCounts(0, 0, items, 0));
        if (context.Options.DryRun) return ImportOutcome.Of(new ImportCounts(items, 0, 0, 0));
        await context.ChangeAsync(async () => { await references.SaveRegistryAsync(next, ct); return new WriteCounts(0, 1, 0); }, ct);
        return ImportOutcome.Of(new ImportCounts(Math.Max(0, items - count), Math.Min(items, count), 0, 0));
    }

    private ZoneRegistry Replaced(ZoneRegistry current, string text) => Kind switch
    {
        InputKind.Zones => new ZoneRegistry(RegistryFiles.ReadZones(text), current.Groups, current.Indicators),
        InputKind.Groups => new ZoneRegistry(current.Zones, RegistryFiles.ReadGroups(text), current.Indicators),
        _ => new ZoneRegistry(current.Zones, current.Groups, RegistryFiles.ReadIndicators(text)),
    };

    private IReadOnlyList<object> Part(ZoneRegistry r) => Kind switch
    {
        InputKind.Zones => r.Zones.Cast<object>().ToList(),
        InputKind.Groups => r.Groups.Cast<object>().ToList(),
        _ => r.Indicators.Cast<object>().ToList(),
    };

    private static List<string> Canonical(IEnumerable<object> items) =>
        items.Select(i => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(i, Json.Options))).Order(StringComparer.Ordinal).ToList();
}
