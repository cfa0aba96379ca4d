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
    /// <summary>The container of the pipeline's lease blob ("pipeline"), docs/storage.md.</summary>
    public string LocksContainer { get; init; } = "locks";
    public int SnapshotRetention { get; init; } = 5;
    /// <summary>How long the pipeline's blob lease lasts unrenewed (15–60 s, Azure's bounds); renewed every third of it.</summary>
    public int LeaseSeconds { get; init; } = 30;
    /// <summary>How long a second run or publish waits for the lease before it answers busy (409 / exit 4).</summary>
    public int LeaseWaitSeconds { get; init; } = 30;
    /// <summary>How long one storage request may go unanswered before it is given up (Azure SDK NetworkTimeout).</summary>
    public int StorageTimeoutSeconds { get; init; } = 10;
    /// <summary>Retries of a failed storage request; timeout × (retries + 1) plus back-off bounds every call.</summary>
    public int StorageRetries { get; init; } = 2;
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
        ["FunctionsZone:LocksContainer"] = $"{prefix}-locks",
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
            LocksContainer = s["LocksContainer"] ?? d.LocksContainer,
            SnapshotRetention = int.TryParse(s["SnapshotRetention"], out var r) ? r : d.SnapshotRetention,
            LeaseSeconds = int.TryParse(s["LeaseSeconds"], out var l) ? Math.Clamp(l, 15, 60) : d.LeaseSeconds,
            LeaseWaitSeconds = int.TryParse(s["LeaseWaitSeconds"], out var lw) && lw >= 0 ? lw : d.LeaseWaitSeconds,
            StorageTimeoutSeconds = int.TryParse(s["StorageTimeoutSeconds"], out var t) && t > 0 ? t : d.StorageTimeoutSeconds,
            StorageRetries = int.TryParse(s["StorageRetries"], out var sr) && sr >= 0 ? sr : d.StorageRetries,
            WriteParallelism = int.TryParse(s["WriteParallelism"], out var w) && w > 0 ? w : d.WriteParallelism,
        };
    }
}
