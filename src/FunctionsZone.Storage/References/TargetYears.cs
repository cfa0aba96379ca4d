using System.Text.Json;
using Azure.Data.Tables;
using FunctionsZone.Core;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Storage.References;

/// <summary>
/// fzTargets, one entity per zone and year: PartitionKey the year ("2022"), RowKey the zone id, Json (LongText) the
/// zone's targets of that year as a JSON array ordered by indicator and kind (one per Target.KeyOf; the array format is
/// unchanged, so entities written before the kind was part of the key read as they were). A national targets file is 2,700 entities in one
/// partition per year (27 transactions), not 2,700 partitions of a few targets each. Entities of the older layout
/// (PartitionKey "{zone}|{year}", one target each) are still read, and deleted when their zone and year are written again.
/// </summary>
internal sealed class TargetYears(TableClient table, int parallelism)
{
    private static bool IsLegacy(TableEntity e) => e.PartitionKey.Contains('|');

    public async Task<WriteCounts> ReplaceAsync(IReadOnlyList<Target> targets, CancellationToken ct)
    {
        var (packed, legacy) = await ReadEntitiesAsync(ct);
        var stored = Stored(packed, legacy);
        int imported = 0, updated = 0, unchanged = 0;
        var actions = new List<TableTransactionAction>();
        // A file states a zone's whole year: the entity is replaced by what the file lists, withdrawn targets and all.
        foreach (var year in targets.GroupBy(t => (t.Zone, t.Year)))
        {
            // Keyed by indicator and kind (Target.KeyOf): a growth and an amount target of one indicator are both kept.
            var next = year.GroupBy(Target.KeyOf, StringComparer.Ordinal).Select(g => g.Last())
                .OrderBy(t => t.Indicator, StringComparer.Ordinal).ThenBy(t => t.Kind).ToList();
            var old = stored.GetValueOrDefault(year.Key) ?? [];
            var changed = old.Count != next.Count;
            foreach (var t in next)
            {
                var json = JsonSerializer.Serialize(t, Json.Options);
                if (!old.TryGetValue(Target.KeyOf(t), out var was)) { imported++; changed = true; }
                else if (was != json) { updated++; changed = true; }
                else unchanged++;
            }
            var legacyRows = legacy.Where(e => e.PartitionKey == $"{year.Key.Zone}|{year.Key.Year}").ToList();
            if (!changed && legacyRows.Count == 0) continue;
            var entity = new TableEntity(year.Key.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), year.Key.Zone);
            LongText.Write(entity, JsonSerializer.Serialize(next, Json.Options));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            actions.AddRange(legacyRows.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(e.PartitionKey, e.RowKey), Azure.ETag.All)));
        }
        var batches = actions.GroupBy(a => a.Entity.PartitionKey).SelectMany(p => p.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
            async (chunk, token) => await table.SubmitTransactionAsync(chunk, token));
        return new WriteCounts(imported, updated, unchanged);
    }

    public async Task<IReadOnlyList<Target>> ReadAllAsync(CancellationToken ct)
    {
        var (packed, legacy) = await ReadEntitiesAsync(ct);
        return Stored(packed, legacy).Values.SelectMany(v => v.Values)
            .Select(json => JsonSerializer.Deserialize<Target>(json, Json.Options)!).ToList();
    }

    /// <summary>(zone, year) → Target.KeyOf (indicator|kind) → the target as JSON; a packed entity wins over legacy rows of its zone and year.</summary>
    private static Dictionary<(string Zone, int Year), Dictionary<string, string>> Stored(List<TableEntity> packed, List<TableEntity> legacy)
    {
        var map = new Dictionary<(string, int), Dictionary<string, string>>();
        foreach (var e in legacy)
        {
            var t = JsonSerializer.Deserialize<Target>(e.GetString("Json"), Json.Options)!;
            if (!map.TryGetValue((t.Zone, t.Year), out var d)) map[(t.Zone, t.Year)] = d = new(StringComparer.Ordinal);
            d[Target.KeyOf(t)] = JsonSerializer.Serialize(t, Json.Options);
        }
        foreach (var e in packed)
        {
            var list = JsonSerializer.Deserialize<List<Target>>(LongText.Read(e), Json.Options) ?? [];
            map[(e.RowKey, int.Parse(e.PartitionKey, System.Globalization.CultureInfo.InvariantCulture))] =
                list.GroupBy(Target.KeyOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => JsonSerializer.Serialize(g.Last(), Json.Options), StringComparer.Ordinal);
        }
        return map;
    }

    private async Task<(List<TableEntity> Packed, List<TableEntity> Legacy)> ReadEntitiesAsync(CancellationToken ct)
    {
        List<TableEntity> packed = [], legacy = [];
        try
        {
            await foreach (var e in table.QueryAsync<TableEntity>(cancellationToken: ct))
                (IsLegacy(e) ? legacy : packed).Add(e);
        }
        catch (Azure.RequestFailedException e) when (StorageClients.IsMissing(e)) { }
        return (packed, legacy);
    }
}
