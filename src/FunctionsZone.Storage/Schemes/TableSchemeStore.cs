using Azure.Data.Tables;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Storage.Schemes;

/// <summary>
/// fzSchemes (docs/storage.md): PartitionKey = scheme id, RowKey = "v{version:D6}", one row per version with the file
/// text as imported; the current scheme is the highest version. Rows are never rewritten, so the history is the table.
/// </summary>
public sealed class TableSchemeStore(StorageClients clients) : ISchemeStore
{
    private TableClient Table => clients.Table("Schemes");

    public async Task<SchemeWrite> SaveSchemeAsync(Scheme scheme, string fileText, string importId, string? file, DateTimeOffset at, bool dryRun = false, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var sha = SchemeContent.Sha256(scheme);
        var current = await CurrentAsync(scheme.Id, ct);
        if (current is not null && current.GetString("Sha256") == sha) return new SchemeWrite(Version(current), false, false);
        var version = current is null ? 1 : Version(current) + 1;
        if (dryRun) return new SchemeWrite(version, current is null, current is not null);
        // AddEntity, not upsert: two imports racing for the same version cannot both win; the loser fails and is retried.
        var entity = new TableEntity(scheme.Id, RowKey(version))
        {
            ["Sha256"] = sha, ["Version"] = version, ["NameZh"] = scheme.NameZh, ["ImportId"] = importId, ["File"] = file, ["ImportedAt"] = at,
        };
        // A string property holds at most 32K characters: a long file is kept in parts (LongText).
        LongText.Write(entity, fileText);
        await Table.AddEntityAsync(entity, ct);
        return new SchemeWrite(version, current is null, current is not null);
    }

    public async Task<IReadOnlyList<StoredScheme>> LoadSchemesAsync(CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var latest = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var e in Table.QueryAsync<TableEntity>(cancellationToken: ct))
            if (!latest.TryGetValue(e.PartitionKey, out var kept) || string.CompareOrdinal(e.RowKey, kept.RowKey) > 0) latest[e.PartitionKey] = e;
        return latest.Values.Select(e => new StoredScheme(SchemeFile.Parse(Text(e), $"fzSchemes/{e.PartitionKey}/{e.RowKey}"),
            Version(e), e.GetString("Sha256"), e.GetDateTimeOffset("ImportedAt") ?? DateTimeOffset.UnixEpoch, e.GetString("ImportId"), e.GetString("File"))).ToList();
    }

    public async Task<IReadOnlyList<SchemeVersionInfo>> SchemeHistoryAsync(string id, CancellationToken ct = default)
    {
        await clients.EnsureCreatedAsync(ct);
        var list = new List<SchemeVersionInfo>();
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == id, cancellationToken: ct))
            list.Add(new SchemeVersionInfo(e.PartitionKey, Version(e), e.GetString("Sha256"), e.GetDateTimeOffset("ImportedAt") ?? DateTimeOffset.UnixEpoch,
                e.GetString("ImportId"), e.GetString("File"), e.GetString("NameZh") ?? ""));
        return list.OrderByDescending(v => v.Version).ToList();
    }

    private async Task<TableEntity?> CurrentAsync(string id, CancellationToken ct)
    {
        TableEntity? best = null;
        await foreach (var e in Table.QueryAsync<TableEntity>(x => x.PartitionKey == id, cancellationToken: ct))
            if (best is null || string.CompareOrdinal(e.RowKey, best.RowKey) > 0) best = e;
        return best;
    }


    private static string Text(TableEntity e) =>
        LongText.Read(e);

    private static string RowKey(int version) => $"v{version:D6}";
    private static int Version(TableEntity e) => e.GetInt32("Version") ?? int.Parse(e.RowKey[1..]);
}
