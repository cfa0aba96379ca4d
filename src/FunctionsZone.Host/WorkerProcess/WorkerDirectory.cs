namespace FunctionsZone.Host.WorkerProcess;

/// <summary>
/// Where the built function app is: worker/ beside the running program (the build copies the FunctionsZone.Functions
/// output there, see FunctionsZone.Host.csproj), or the folder FZ_WORKER_DIRECTORY names.
/// </summary>
public static class WorkerDirectory
{
    public const string EntryAssembly = "FunctionsZone.Functions.dll";

    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("FZ_WORKER_DIRECTORY");
        var dir = string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, "worker") : Path.GetFullPath(configured);
        if (!File.Exists(Path.Combine(dir, EntryAssembly)))
            throw new InvalidOperationException(
                $"没有找到函数应用 {EntryAssembly}（请先构建） / the function app {EntryAssembly} is not in {dir}: build fz (dotnet build src/FunctionsZone.Cli) first");
        return dir;
    }
}
