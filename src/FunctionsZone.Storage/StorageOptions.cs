namespace FunctionsZone.Storage;

/// <summary>
/// Table and container names, bound from the FunctionsZone section (FunctionsZone__… app settings) with the
/// options pattern (ServiceRegistration.AddFunctionsZone).
/// </summary>
public sealed record StorageOptions
{
    public const string Section = "FunctionsZone";

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
    /// <summary>
    /// How long latest.json may be cached (its Cache-Control max-age, default 60 s). The one place for it: retention
    /// keeps every version a pointer named within this time plus <see cref="PointerCacheMargin"/>, so a reader that
    /// follows a cached pointer still finds its files.
    /// </summary>
    public int PointerMaxAgeSeconds { get; init; } = 60;
    /// <summary>Beyond the pointer's max-age: clock skew between the publisher and the one applying retention, a request in flight.</summary>
    public static readonly TimeSpan PointerCacheMargin = TimeSpan.FromSeconds(5);
    /// <summary>How long after it stopped being latest a version may still be read through a cached pointer.</summary>
    public TimeSpan PointerReadableFor => TimeSpan.FromSeconds(PointerMaxAgeSeconds) + PointerCacheMargin;
    /// <summary>How long the pipeline's blob lease lasts unrenewed (15–60 s, Azure's bounds); renewed every third of it.</summary>
    public int LeaseSeconds { get; init; } = 30;
    /// <summary>How long a second run or publish waits for the lease before it answers busy (409 / exit 4).</summary>
    public int LeaseWaitSeconds { get; init; } = 30;
    /// <summary>How long an import waits for the one before it (a national month writes for about a minute) before it answers busy.</summary>
    public int ImportWaitSeconds { get; init; } = 180;
    /// <summary>How long one storage request may go unanswered before it is given up (the Azure SDK's NetworkTimeout, default 100 s).</summary>
    public int StorageTimeoutSeconds { get; init; } = 10;
    /// <summary>Retries of a failed storage request: timeout × (retries + 1) plus back-off bounds every call.</summary>
    public int StorageRetries { get; init; } = 2;
    /// <summary>
    /// Entity-group transactions (and partition reads) in flight at once. Azure allows 2,000 entities/s per partition,
    /// so the load is spread across "{period}|{indicator}" partitions; see docs/performance.md.
    /// </summary>
    public int WriteParallelism { get; init; } = 16;

    public string Table(string name) => TablePrefix + name;

    /// <summary>Why these options cannot work, or null: checked at start (ValidateOnStart), not at the first request.</summary>
    public string? Problem()
    {
        if (WriteParallelism <= 0) return "FunctionsZone:WriteParallelism 必须为正整数 / must be a positive integer";
        if (LeaseSeconds is < 15 or > 60) return "FunctionsZone:LeaseSeconds 须在 15–60 之间 / must be within 15–60 (Azure's lease bounds)";
        if (ImportWaitSeconds < 0) return "FunctionsZone:ImportWaitSeconds 不能为负 / must not be negative";
        if (LeaseWaitSeconds < 0) return "FunctionsZone:LeaseWaitSeconds 不能为负 / must not be negative";
        if (StorageTimeoutSeconds <= 0) return "FunctionsZone:StorageTimeoutSeconds 必须为正整数 / must be a positive integer";
        if (StorageRetries < 0) return "FunctionsZone:StorageRetries 不能为负 / must not be negative";
        if (PointerMaxAgeSeconds < 0) return "FunctionsZone:PointerMaxAgeSeconds 不能为负 / must not be negative";
        if (SnapshotRetention < 0) return "FunctionsZone:SnapshotRetention 不能为负 / must not be negative";
        if (string.IsNullOrWhiteSpace(TablePrefix) || !TablePrefix.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(TablePrefix[0]))
            return $"FunctionsZone:TablePrefix「{TablePrefix}」须以字母开头、只含字母数字 / must start with a letter and hold only letters and digits";
        return null;
    }

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
}
