namespace FunctionsZone.Portal;

/// <summary>Where the built portal is (web/dist) and under which path the snapshot container is served.</summary>
public sealed class PortalOptions
{
    /// <summary>The folder `vite build` wrote (web/dist). Missing: the portal answers 404 with how to build it.</summary>
    public required string DistFolder { get; init; }

    /// <summary>The URL prefix the snapshot blobs are served under, as a CDN in front of the container would.</summary>
    public string SnapshotPrefix { get; init; } = "/snapshots/";

    /// <summary>web/dist beside the repository root found above <paramref name="start"/> (FunctionsZone.sln), or null.</summary>
    public static string? FindDist(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "FunctionsZone.sln"))) return Path.Combine(d.FullName, "web", "dist");
        return null;
    }
}
