namespace FunctionsZone.Core.Evaluation;

/// <summary>A scheme as stored (fzSchemes): its version (1 for the first import, +1 for each changed file) and the file's SHA-256.</summary>
public sealed record StoredScheme(Scheme Scheme, int Version, string Sha256, DateTimeOffset ImportedAt, string? ImportId = null, string? File = null);

/// <summary>
/// The evaluation schemes the user ingested (seeds/schemes/*.json are ingested the same way by fz run), each found by
/// its id, 中文名, English name or an alias.
/// </summary>
public sealed class SchemeCatalog(IReadOnlyList<StoredScheme> stored)
{
    public IReadOnlyList<StoredScheme> Stored { get; } = stored.OrderBy(s => s.Scheme.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Scheme> Schemes => Stored.Select(s => s.Scheme).ToList();

    public static SchemeCatalog Empty { get; } = new([]);

    /// <summary>Unversioned schemes (a folder read directly, a test): version 0.</summary>
    public static SchemeCatalog Of(params Scheme[] schemes) => new(schemes.Select(s => new StoredScheme(s, 0, "", DateTimeOffset.UnixEpoch)).ToList());

    public StoredScheme? FindStored(string? idOrName)
    {
        if (string.IsNullOrWhiteSpace(idOrName)) return null;
        var key = idOrName.Trim();
        return Stored.FirstOrDefault(s => string.Equals(s.Scheme.Id, key, StringComparison.OrdinalIgnoreCase))
               ?? Stored.FirstOrDefault(s => s.Scheme.NameZh == key || string.Equals(s.Scheme.NameEn, key, StringComparison.OrdinalIgnoreCase)
                                            || s.Scheme.Aliases.Contains(key))
               ?? ByEvaluation(key);
    }

    /// <summary>
    /// 市对区 / 国评 / 省评 (or city / national / provincial), the words users type for an evaluation, as the label
    /// catalogue writes them: the one scheme of that evaluation, when there is exactly one.
    /// </summary>
    private StoredScheme? ByEvaluation(string key)
    {
        var evaluation = Labels.Family("evaluation").FirstOrDefault(e => e.Zh == key || string.Equals(e.En, key, StringComparison.OrdinalIgnoreCase)).Code;
        if (evaluation is null) return null;
        var matches = Stored.Where(s => s.Scheme.Evaluation == evaluation).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    public Scheme? Find(string? idOrName) => FindStored(idOrName)?.Scheme;

    public Scheme Get(string idOrName) => Find(idOrName) ?? throw Unknown(idOrName);

    public Registry.LookupException Unknown(string idOrName) => new(Stored.Count == 0
            ? $"未知的评价方案：'{idOrName}'（尚未导入任何评价方案，可用 fz ingest 方案.json） / Unknown scheme '{idOrName}' (no scheme has been ingested: fz ingest scheme.json)"
            : $"未知的评价方案：'{idOrName}'（可用：{string.Join("、", Schemes.Select(s => $"{s.Id} {s.NameZh}"))}） / Unknown scheme '{idOrName}' (known: {string.Join(", ", Schemes.Select(s => s.Id))})",
        "unknown-scheme", idOrName);
}
