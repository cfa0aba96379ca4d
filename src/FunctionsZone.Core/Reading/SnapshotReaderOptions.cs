using FunctionsZone.Core.Snapshots;

namespace FunctionsZone.Core.Reading;

/// <summary>The snapshot reader's settings, bound from the FunctionsZone section.</summary>
public sealed record SnapshotReaderOptions
{
    /// <summary>
    /// How long latest.json itself may be reused (FunctionsZone__LatestCacheSeconds). Zero, the default, reads it on
    /// every call; a few seconds saves that round trip at the price of seeing a new version up to that much later
    /// (latest.json is served with max-age=60, so browsers and CDNs may already lag that long).
    /// </summary>
    public double LatestCacheSeconds { get; init; }
}
