using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace FunctionsZone.Storage.Observations;

/// <summary>
/// One instance of each repeated text within one read: the table hands back a new string per property per entity, and a
/// national month repeats its source, file name and import id 161,000 times and each zone id 60, all held through
/// recompute and publish (fz recompute of the national month peaked at 351–399 MiB without this, 312–316 MiB with it).
/// Lives as long as the read's results, so nothing accumulates across reads.
/// </summary>
internal sealed class SharedStrings
{
    private readonly ConcurrentDictionary<string, string> _seen = new(StringComparer.Ordinal);

    [return: NotNullIfNotNull(nameof(text))]
    public string? Of(string? text) => text is null ? null : _seen.GetOrAdd(text, text);
}
