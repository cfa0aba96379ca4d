using Azure.Data.Tables;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Ingest.Validation;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Storage.References;

/// <summary>fzRegistry (zones, groups, indicators), fzTargets, fzOfficialRanks, fzSchemes and fzProjects; see docs/storage.md.</summary>
public sealed class TableReferenceStore(StorageClients clients) : IReferenceStore, IValidationRuleStore, ISchemeStore, IProjectStore
{
    private readonly Schemes.TableSchemeStore _schemes = new(clients);

    private JsonEntitySet<Zone> Zones => new(clients.Table("Registry"), _ => "zone", z => z.Id);
    private JsonEntitySet<Group> Groups => new(clients.Table("Registry"), _ => "group", g => g.Id);
    private JsonEntitySet<Indicator> Indicators => new(clients.Table("Registry"), _ => "indicator", i => i.Code);
    private TargetYears Targets => new(clients.Table("Targets"), clients.Options.WriteParallelism);
    private JsonEntitySet<Core.Targets.Project> Projects => new(clients.Table("Projects"), p => p.Zone, p => p.Id);
    private JsonEntitySet<OfficialRank> Official => new(clients.Table("OfficialRanks"), r => r.Zone, r => $"{r.Evaluation}|{r.Year}");

    public async Task SaveRegistryAsync(ZoneRegistry registry, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        // Each set reads and replaces its own partition, the three side by side.
        await Task.WhenAll(
            Zones.ReplaceAsync(registry.Zones.ToList(), removeOthersInPartitions: true, ct, "zone"),
            Groups.ReplaceAsync(registry.Groups.ToList(), removeOthersInPartitions: true, ct, "group"),
            Indicators.ReplaceAsync(registry.Indicators.ToList(), removeOthersInPartitions: true, ct, "indicator"));
    }

    public async Task<ZoneRegistry> LoadRegistryAsync(CancellationToken ct = default)
    {
        var zones = Zones.ReadAllAsync("zone", ct);
        var groups = Groups.ReadAllAsync("group", ct);
        var indicators = Indicators.ReadAllAsync("indicator", ct);
        return new ZoneRegistry(await zones, await groups, await indicators);
    }

    public async Task<WriteCounts> SaveTargetsAsync(IReadOnlyList<Target> targets, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        // A targets file states a zone's whole year: targets it no longer lists are withdrawn.
        return await Targets.ReplaceAsync(targets, ct);
    }

    public async Task<IReadOnlyList<Target>> LoadTargetsAsync(CancellationToken ct = default)
    {
        return await Targets.ReadAllAsync(ct);
    }

    public async Task<WriteCounts> SaveOfficialRanksAsync(IReadOnlyList<OfficialRank> ranks, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        return await Official.ReplaceAsync(ranks, removeOthersInPartitions: false, ct);
    }

    public async Task<IReadOnlyList<OfficialRank>> LoadOfficialRanksAsync(CancellationToken ct = default)
    {
        return await Official.ReadAllAsync(null, ct);
    }

    // The imported validation-rules.json, kept as its text: fzRegistry, PartitionKey "validation", RowKey "rules".
    public async Task<string?> LoadValidationRulesAsync(CancellationToken ct = default)
    {
        try
        {
            var r = await clients.Table("Registry").GetEntityIfExistsAsync<TableEntity>("validation", "rules", cancellationToken: ct);
            return r.HasValue ? r.Value!.GetString("Json") : null;
        }
        catch (Azure.RequestFailedException e) when (StorageClients.IsMissing(e)) { return null; }
    }

    public async Task<bool> SaveValidationRulesAsync(string json, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        if (await LoadValidationRulesAsync(ct) == json) return false;
        await clients.Table("Registry").UpsertEntityAsync(new TableEntity("validation", "rules") { ["Json"] = json }, TableUpdateMode.Replace, ct);
        return true;
    }

    public Task<SchemeWrite> SaveSchemeAsync(Scheme scheme, string fileText, string importId, string? file, DateTimeOffset at, bool dryRun = false, CancellationToken ct = default) =>
        _schemes.SaveSchemeAsync(scheme, fileText, importId, file, at, dryRun, ct);

    public Task<IReadOnlyList<StoredScheme>> LoadSchemesAsync(CancellationToken ct = default) => _schemes.LoadSchemesAsync(ct);

    public Task<IReadOnlyList<SchemeVersionInfo>> SchemeHistoryAsync(string id, CancellationToken ct = default) => _schemes.SchemeHistoryAsync(id, ct);

    public async Task<WriteCounts> SaveProjectsAsync(IReadOnlyList<Core.Targets.Project> projects, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        // A projects file lists each of its zones' projects in full: ones it no longer lists are withdrawn.
        return await Projects.ReplaceAsync(projects, removeOthersInPartitions: true, ct);
    }

    public async Task<IReadOnlyList<Core.Targets.Project>> LoadProjectsAsync(CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        return await Projects.ReadAllAsync(null, ct);
    }
}
