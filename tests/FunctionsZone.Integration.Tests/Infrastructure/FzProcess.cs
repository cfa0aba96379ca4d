using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>The built `fz` as a process of its own (this build's configuration), with a test's settings as environment variables.</summary>
public static class FzProcess
{
    public static ProcessStartInfo StartInfo(IConfiguration configuration, string workingDirectory, params string[] args)
    {
        var build = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/{Debug|Release}/net10.0/
        var fz = Path.Combine(Azurite.RepoRoot, "src/FunctionsZone.Cli/bin", build, "net10.0/fz.dll");
        Assert.True(File.Exists(fz), $"{fz} not built");
        var start = new ProcessStartInfo("dotnet", ["exec", fz, .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory,
        };
        foreach (var kv in configuration.AsEnumerable().Where(kv => kv.Value is not null))
            start.Environment[kv.Key.Replace(":", "__")] = kv.Value;
        return start;
    }
}
