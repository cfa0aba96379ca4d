using FunctionsZone.Core.Evaluation;

namespace FunctionsZone.Core.Snapshots;

/// <summary>
/// A scheme as a snapshot carries it (registry/schemes.json): the version stored in fzSchemes when the snapshot was
/// published, the content hash, and the definition itself, so a reader resolves --scheme by id or 中文名 from the
/// snapshot alone.
/// </summary>
public sealed record PublishedScheme(string Id, string NameZh, string NameEn, IReadOnlyList<string> Aliases, string? Evaluation, string? Group,
    int Version, string Sha256, Scheme Definition)
{
    public static PublishedScheme From(StoredScheme s) => new(s.Scheme.Id, s.Scheme.NameZh, s.Scheme.NameEn, s.Scheme.Aliases, s.Scheme.Evaluation,
        s.Scheme.Group, s.Version, s.Sha256, s.Scheme);

    public StoredScheme ToStored() => new(Definition, Version, Sha256, DateTimeOffset.UnixEpoch);
}
