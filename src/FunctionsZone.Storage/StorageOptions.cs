using Microsoft.Extensions.Configuration;

namespace FunctionsZone.Storage;

/// <summary>Table and container names, read from the FunctionsZone section (FunctionsZone__… app settings).</summary>
public sealed record StorageOptions
{
    public string TablePrefix { get; init; } = "fz";
    public string IncomingContainer { get; init; } = "incoming";
    public string ArchiveContainer { get; init; } = "archive";
    public string RejectedContainer { get; init; } = "rejected";
    public string SnapshotContainer { get; init; } = "snapshots";
    public string ResultsContainer { get; init; } = "results";
    public string ImportsContainer { get; init; } = "imports";
    public int SnapshotRetention { get; init; } = 5;
    /// <summary>
    /// Entity-group transactions (and partition reads) in flight at once. Azure allows 2,000 entities/s per partition,
    /// so the load is spread across "{period}|{indicator}" partitions; see docs/performance.md.
    /// </summary>
    public int WriteParallelism { get; init; } = 16;

    public string Table(string name) => TablePrefix + name;

    /// <summary>Settings that put every table and container under a prefix of their own (a benchmark run, a test).</summary>
    public static Dictionary<string, string?> IsolatedSettings(string prefix) => new()
    {
        ["FunctionsZone:TablePrefix"] = prefix,
        ["FunctionsZone:IncomingContainer"] = $"{prefix}-incoming",
        ["FunctionsZone:ArchiveContainer"] = $"{prefix}-archive",
        ["FunctionsZone:RejectedContainer"] = $"{prefix}-rejected",
        ["FunctionsZone:SnapshotContainer"] = $"{prefix}-snapshots",
        ["FunctionsZone:ResultsContainer"] = $"{prefix}-results",
        ["FunctionsZone:ImportsContainer"] = $"{prefix}-imports",
    };

    public static StorageOptions From(IConfiguration configuration)
    {
        var s = configuration.GetSection("FunctionsZone");
        var d = new StorageOptions();
        return new StorageOptions
        {
            TablePrefix = s["TablePrefix"] ?? d.TablePrefix,
            IncomingContainer = s["IncomingContainer"] ?? d.IncomingContainer,
            ArchiveContainer = s["ArchiveContainer"] ?? d.ArchiveContainer,
            RejectedContainer = s["RejectedContainer"] ?? d.RejectedContainer,
            SnapshotContainer = s["SnapshotContainer"] ?? d.SnapshotContainer,
            ResultsContainer = s["ResultsContainer"] ?? d.ResultsContainer,
            ImportsContainer = s["ImportsContainer"] ?? d.ImportsContainer,
            SnapshotRetention = int.TryParse(s["SnapshotRetention"], out var r) ? r : d.SnapshotRetention,
            WriteParallelism = int.TryParse(s["WriteParallelism"], out var w) && w > 0 ? w : d.WriteParallelism,
        };
    }
}
