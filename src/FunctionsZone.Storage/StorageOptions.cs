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
    public int SnapshotRetention { get; init; } = 5;
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
    };
}
