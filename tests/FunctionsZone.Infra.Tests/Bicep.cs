using System.Diagnostics;
using System.Reflection;

namespace FunctionsZone.Infra.Tests;

/// <summary>Locates the repository and the Bicep CLI from the NuGet package, and runs it.</summary>
internal static class Bicep
{
    private static readonly Lazy<string> LazyRepoRoot = new(FindRepoRoot);
    private static readonly Lazy<string> LazyExecutable = new(FindExecutable);

    public static string RepoRoot => LazyRepoRoot.Value;
    public static string InfraDir => Path.Combine(RepoRoot, "infra");
    public static string MainBicep => Path.Combine(InfraDir, "main.bicep");
    public static string Executable => LazyExecutable.Value;

    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(params string[] args)
    {
        var psi = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Keep the CLI quiet and offline-friendly.
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["BICEP_TRACING_ENABLED"] = "false";

        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start bicep");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish in 3 minutes");
        }
        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FunctionsZone.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException(
            $"No folder holding FunctionsZone.sln above {AppContext.BaseDirectory}");
    }

    private static string FindExecutable()
    {
        var root = typeof(Bicep).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPackageRoot")?.Value;
        if (string.IsNullOrWhiteSpace(root) || !Directory.Exists(root))
            throw new DirectoryNotFoundException(
                $"Azure.Bicep.CommandLine.linux-x64 package folder not found ('{root}'); run dotnet restore.");

        // The package keeps the native binary under tools/; search so a layout change is tolerated.
        var exe = Directory.EnumerateFiles(root, "bicep", SearchOption.AllDirectories)
            .OrderBy(f => f.Contains($"{Path.DirectorySeparatorChar}tools{Path.DirectorySeparatorChar}") ? 0 : 1)
            .FirstOrDefault()
            ?? throw new FileNotFoundException($"No 'bicep' binary inside {root}");

        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(exe);
            const UnixFileMode exec = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
                File.SetUnixFileMode(exe, mode | exec);
        }
        return exe;
    }
}
