using FunctionsZone.Bench.Generation;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>A generated dataset written to a temporary folder of its own (the caller deletes it).</summary>
public static class GeneratedFolder
{
    public static string Write(GeneratorOptions options, string prefix)
    {
        var dir = Directory.CreateTempSubdirectory(prefix).FullName;
        new DatasetGenerator(options).WriteTo(dir);
        return dir;
    }
}
