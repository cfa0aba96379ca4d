using Microsoft.Extensions.Configuration;

namespace FunctionsZone.Portal;

/// <summary>
/// Where the built portal is (web/dist) and under which path the snapshot container is served.
/// Configuration section <c>FunctionsZone:Portal</c> (<c>FunctionsZone__Portal__DistFolder</c>, <c>…__SnapshotPrefix</c>).
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "FunctionsZone:Portal";

    /// <summary>The folder `vite build` wrote. Default: web/dist of the repository above the running program.</summary>
    public string DistFolder { get; set; } = "";

    /// <summary>The URL prefix the snapshot blobs are served under, as a CDN in front of the container would.</summary>
    public string SnapshotPrefix { get; set; } = "/snapshots/";

    /// <summary>The section bound onto the defaults; an empty DistFolder becomes the repository's web/dist.</summary>
    public static PortalOptions From(IConfiguration configuration)
    {
        var options = new PortalOptions();
        configuration.GetSection(Section).Bind(options);
        if (string.IsNullOrWhiteSpace(options.DistFolder))
            options.DistFolder = FindDist(AppContext.BaseDirectory) ?? FindDist(Directory.GetCurrentDirectory()) ?? Path.GetFullPath("web/dist");
        if (!options.SnapshotPrefix.StartsWith('/')) options.SnapshotPrefix = "/" + options.SnapshotPrefix;
        if (!options.SnapshotPrefix.EndsWith('/')) options.SnapshotPrefix += "/";
        return options;
    }

    /// <summary>web/dist beside the repository root found above <paramref name="start"/> (FunctionsZone.sln), or null.</summary>
    public static string? FindDist(string start)
    {
        for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "FunctionsZone.sln"))) return Path.Combine(d.FullName, "web", "dist");
        return null;
    }
}
