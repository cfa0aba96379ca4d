using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Tests.Ingest;

internal static class Repo
{
    public static string Root
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "FunctionsZone.sln"))) return d.FullName;
            throw new InvalidOperationException("FunctionsZone.sln not found");
        }
    }

    public static string Seeds => Path.Combine(Root, "seeds");
    public static ZoneRegistry Registry { get; } = RegistryFiles.LoadFolder(Path.Combine(Root, "seeds"));
}
