using FunctionsZone.Core.Evaluation;

namespace FunctionsZone.Core.Ports;

/// <summary>What saving a scheme did: its version now, and whether the file was new, changed or the same as the current version.</summary>
public sealed record SchemeWrite(int Version, bool Created, bool Changed);

/// <summary>One stored version of a scheme, for its history (fz schemes --history).</summary>
public sealed record SchemeVersionInfo(string Id, int Version, string Sha256, DateTimeOffset ImportedAt, string? ImportId, string? File, string NameZh);

/// <summary>
/// Where ingested schemes are kept with their history (fzSchemes, docs/storage.md): every changed file becomes the
/// next version; an identical one changes nothing.
/// </summary>
public interface ISchemeStore
{
    /// <summary>Stores the scheme as its next version when its content differs from the current version.</summary>
    Task<SchemeWrite> SaveSchemeAsync(Scheme scheme, string fileText, string importId, string? file, DateTimeOffset at, bool dryRun = false, CancellationToken ct = default);
    /// <summary>The current version of every scheme.</summary>
    Task<IReadOnlyList<StoredScheme>> LoadSchemesAsync(CancellationToken ct = default);
    /// <summary>Every version of one scheme, newest first.</summary>
    Task<IReadOnlyList<SchemeVersionInfo>> SchemeHistoryAsync(string id, CancellationToken ct = default);
}
