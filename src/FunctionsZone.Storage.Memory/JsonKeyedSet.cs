using System.Text.Json;
using FunctionsZone.Core;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Storage.Memory;

/// <summary>
/// A reference set kept as one JSON document per key, replaced whole as the table store's JsonEntitySet is: counts
/// compare the serialised entity, and a file that states whole partitions withdraws what it no longer lists.
/// </summary>
internal sealed class JsonKeyedSet<T>(Func<T, string> partition, Func<T, string> row)
{
    private readonly Dictionary<(string Partition, string Row), string> _items = new();

    public WriteCounts Replace(IReadOnlyList<T> items, bool removeOthersInPartitions)
    {
        lock (_items)
        {
            int imported = 0, updated = 0, unchanged = 0;
            var keep = new HashSet<(string, string)>();
            foreach (var item in items)
            {
                var key = (partition(item), row(item));
                keep.Add(key);
                var json = JsonSerializer.Serialize(item, Json.Options);
                if (!_items.TryGetValue(key, out var old)) imported++;
                else if (old != json) updated++;
                else { unchanged++; continue; }
                _items[key] = json;
            }
            if (removeOthersInPartitions)
            {
                var partitions = keep.Select(k => k.Item1).ToHashSet();
                foreach (var gone in _items.Keys.Where(k => partitions.Contains(k.Partition) && !keep.Contains(k)).ToList()) _items.Remove(gone);
            }
            return new WriteCounts(imported, updated, unchanged);
        }
    }

    public IReadOnlyList<T> All()
    {
        // In the table's order, by partition and row key (ordinal): what readers see first is what a table query returns first.
        lock (_items)
            return _items.OrderBy(i => i.Key.Partition, StringComparer.Ordinal).ThenBy(i => i.Key.Row, StringComparer.Ordinal)
                .Select(i => JsonSerializer.Deserialize<T>(i.Value, Json.Options)!).ToList();
    }
}
