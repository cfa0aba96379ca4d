using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Storage.Memory;

/// <summary>Scheme versions in memory (fzSchemes): a changed file is the next version, an identical one changes nothing.</summary>
public sealed class MemorySchemeStore : ISchemeStore
{
    private readonly List<(StoredScheme Stored, string NameZh)> _versions = [];

    public Task<SchemeWrite> SaveSchemeAsync(Scheme scheme, string fileText, string importId, string? file, DateTimeOffset at, bool dryRun = false, CancellationToken ct = default)
    {
        lock (_versions)
        {
            var sha = SchemeContent.Sha256(scheme);
            var current = Current(scheme.Id);
            if (current is not null && current.Sha256 == sha) return Task.FromResult(new SchemeWrite(current.Version, false, false));
            var version = (current?.Version ?? 0) + 1;
            if (!dryRun) _versions.Add((new StoredScheme(scheme, version, sha, at, importId, file), scheme.NameZh));
            return Task.FromResult(new SchemeWrite(version, current is null, current is not null));
        }
    }

    private StoredScheme? Current(string id) =>
        _versions.Where(v => v.Stored.Scheme.Id == id).Select(v => v.Stored).MaxBy(s => s.Version);

    public Task<IReadOnlyList<StoredScheme>> LoadSchemesAsync(CancellationToken ct = default)
    {
        lock (_versions)
            return Task.FromResult<IReadOnlyList<StoredScheme>>(_versions.GroupBy(v => v.Stored.Scheme.Id).Select(g => g.MaxBy(v => v.Stored.Version).Stored).ToList());
    }

    public Task<IReadOnlyList<SchemeVersionInfo>> SchemeHistoryAsync(string id, CancellationToken ct = default)
    {
        lock (_versions)
            return Task.FromResult<IReadOnlyList<SchemeVersionInfo>>(_versions.Where(v => v.Stored.Scheme.Id == id).OrderByDescending(v => v.Stored.Version)
                .Select(v => new SchemeVersionInfo(id, v.Stored.Version, v.Stored.Sha256, v.Stored.ImportedAt, v.Stored.ImportId, v.Stored.File, v.NameZh)).ToList());
    }
}
