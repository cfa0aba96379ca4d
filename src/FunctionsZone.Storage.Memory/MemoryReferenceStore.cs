using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Targets;

namespace FunctionsZone.Storage.Memory;

/// <summary>
/// The registry, targets, official ranks, validation rules, schemes and projects in memory, replaced as the tables are
/// (docs/storage.md); one object behind the same interfaces as TableReferenceStore, which the importers look for on it.
/// </summary>
public sealed class MemoryReferenceStore : IReferenceStore, IValidationRuleStore, IProjectStore, ISchemeStore
{
    private readonly MemorySchemeStore _schemes = new();
    private readonly JsonKeyedSet<Zone> _zones = new(_ => "zone", z => z.Id);
    private readonly JsonKeyedSet<Group> _groups = new(_ => "group", g => g.Id);
    private readonly JsonKeyedSet<Indicator> _indicators = new(_ => "indicator", i => i.Code);
    // A targets file states a zone's whole year: keyed (zone|year) → indicator|kind, the year's others withdrawn.
    private readonly JsonKeyedSet<Target> _targets = new(t => $"{t.Zone}|{t.Year}", Target.KeyOf);
    private readonly JsonKeyedSet<OfficialRank> _official = new(r => r.Zone, r => $"{r.Evaluation}|{r.Year}");
    private readonly JsonKeyedSet<Project> _projects = new(p => p.Zone, p => p.Id);
    private string? _rules;

    public Task SaveRegistryAsync(ZoneRegistry registry, CancellationToken ct = default)
    {
        _zones.Replace(registry.Zones.ToList(), removeOthersInPartitions: true);
        _groups.Replace(registry.Groups.ToList(), removeOthersInPartitions: true);
        _indicators.Replace(registry.Indicators.ToList(), removeOthersInPartitions: true);
        return Task.CompletedTask;
    }

    public Task<ZoneRegistry> LoadRegistryAsync(CancellationToken ct = default) =>
        Task.FromResult(new ZoneRegistry(_zones.All(), _groups.All(), _indicators.All()));

    public Task<WriteCounts> SaveTargetsAsync(IReadOnlyList<Target> targets, CancellationToken ct = default) =>
        Task.FromResult(_targets.Replace(targets.GroupBy(t => (t.Zone, t.Year, Target.KeyOf(t))).Select(g => g.Last()).ToList(), removeOthersInPartitions: true));

    public Task<IReadOnlyList<Target>> LoadTargetsAsync(CancellationToken ct = default) => Task.FromResult(_targets.All());

    public Task<WriteCounts> SaveOfficialRanksAsync(IReadOnlyList<OfficialRank> ranks, CancellationToken ct = default) =>
        Task.FromResult(_official.Replace(ranks, removeOthersInPartitions: false));

    public Task<IReadOnlyList<OfficialRank>> LoadOfficialRanksAsync(CancellationToken ct = default) => Task.FromResult(_official.All());

    public Task<string?> LoadValidationRulesAsync(CancellationToken ct = default) => Task.FromResult(Volatile.Read(ref _rules));

    public Task<bool> SaveValidationRulesAsync(string json, CancellationToken ct = default) =>
        Task.FromResult(Interlocked.Exchange(ref _rules, json) != json);

    public Task<WriteCounts> SaveProjectsAsync(IReadOnlyList<Project> projects, CancellationToken ct = default) =>
        Task.FromResult(_projects.Replace(projects, removeOthersInPartitions: true));

    public Task<IReadOnlyList<Project>> LoadProjectsAsync(CancellationToken ct = default) => Task.FromResult(_projects.All());

    public Task<SchemeWrite> SaveSchemeAsync(Scheme scheme, string fileText, string importId, string? file, DateTimeOffset at, bool dryRun = false, CancellationToken ct = default) =>
        _schemes.SaveSchemeAsync(scheme, fileText, importId, file, at, dryRun, ct);

    public Task<IReadOnlyList<StoredScheme>> LoadSchemesAsync(CancellationToken ct = default) => _schemes.LoadSchemesAsync(ct);

    public Task<IReadOnlyList<SchemeVersionInfo>> SchemeHistoryAsync(string id, CancellationToken ct = default) => _schemes.SchemeHistoryAsync(id, ct);
}
