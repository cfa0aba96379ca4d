using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Registry;

/// <summary>
/// The zones, groups and indicators, looked up as users type them: by id/code, by 中文名, by English name or an alias.
/// </summary>
public sealed class ZoneRegistry
{
    private readonly Dictionary<string, Zone> _zones = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Group> _groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Indicator> _indicators = new(StringComparer.OrdinalIgnoreCase);

    public ZoneRegistry(IEnumerable<Zone> zones, IEnumerable<Group> groups, IEnumerable<Indicator> indicators)
    {
        Zones = zones.ToList();
        Groups = groups.ToList();
        Indicators = indicators.ToList();
        foreach (var z in Zones) Index(_zones, z, z.Id, [z.NameZh, z.NameEn, .. z.NameAliases]);
        foreach (var g in Groups) Index(_groups, g, g.Id, [g.NameZh, g.NameEn]);
        foreach (var i in Indicators) Index(_indicators, i, i.Code, [i.NameZh, i.NameEn, .. i.Aliases]);
    }

    public IReadOnlyList<Zone> Zones { get; }
    public IReadOnlyList<Group> Groups { get; }
    public IReadOnlyList<Indicator> Indicators { get; }

    public static ZoneRegistry Empty { get; } = new([], [], []);

    public Zone? FindZone(string? nameOrId) => Find(_zones, nameOrId);
    public Group? FindGroup(string? nameOrId) => Find(_groups, nameOrId);
    public Indicator? FindIndicator(string? nameOrCode) => Find(_indicators, nameOrCode);

    public Zone Zone(string nameOrId) => FindZone(nameOrId) ?? throw new LookupException(
        $"未知的开发区：'{nameOrId}' / Unknown zone '{nameOrId}'", "unknown-zone", nameOrId);
    public Group Group(string nameOrId) => FindGroup(nameOrId) ?? throw new LookupException(
        $"未知的排名组：'{nameOrId}' / Unknown group '{nameOrId}'", "unknown-group", nameOrId);
    public Indicator Indicator(string nameOrCode) => FindIndicator(nameOrCode) ?? throw new LookupException(
        $"未知的指标：'{nameOrCode}' / Unknown indicator '{nameOrCode}'", "unknown-indicator", nameOrCode);

    /// <summary>The zones ranked in a group (its reference unit, the city itself, is not a member).</summary>
    /// <remarks>Kept per group: a recompute asks for every indicator × measure, and nationally that is 2,700 zones a time.</remarks>
    public IReadOnlyList<Zone> Members(Group group) => _members.GetOrAdd((group.Id, group.Reference), _ =>
        Zones.Where(z => z.Groups.Contains(group.Id, StringComparer.OrdinalIgnoreCase) && !string.Equals(z.Id, group.Reference, StringComparison.OrdinalIgnoreCase)).ToList());

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string?), IReadOnlyList<Zone>> _members = new();

    private static void Index<T>(Dictionary<string, T> map, T item, string id, IEnumerable<string?> names)
    {
        map[id] = item;
        foreach (var n in names)
        {
            if (!string.IsNullOrWhiteSpace(n)) map.TryAdd(Normalise(n), item);
        }
    }

    private static T? Find<T>(Dictionary<string, T> map, string? key) where T : class
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        return map.TryGetValue(key.Trim(), out var hit) ? hit : map.GetValueOrDefault(Normalise(key));
    }

    /// <summary>
    /// The key a name or id is looked up by (FindZone etc.): two names with one key resolve to one entry, so two entries
    /// may not share one (RegistryFiles refuses the file).
    /// </summary>
    public static string KeyOf(string nameOrId) => Normalise(nameOrId);

    // Users paste names with full-width spaces or brackets from Word documents.
    private static string Normalise(string s) => s.Trim().Replace("\u3000", "").Replace(" ", "").Replace("（", "(").Replace("）", ")");
}

/// <summary>A name or id that matches nothing in the registry.</summary>
public sealed class LookupException(string message, string code, string? value) : Exception(message)
{
    public string Code { get; } = code;
    public string? Value { get; } = value;
}
