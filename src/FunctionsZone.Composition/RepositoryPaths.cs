namespace FunctionsZone.Composition;

/// <summary>Where a host run from the repository finds its files (local.settings.json, seeds/).</summary>
public static class RepositoryPaths
{
    /// <summary>The nearest file or folder of that name in the current folder or above it.</summary>
    public static string? FindUp(string name, string? from = null)
    {
        for (var dir = new DirectoryInfo(from ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
