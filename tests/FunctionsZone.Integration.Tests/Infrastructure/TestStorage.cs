using FunctionsZone.Cli;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage;
using Microsoft.Extensions.Configuration;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>
/// Storage of one test on the shared Azurite: its own table prefix and containers, so tests run side by side
/// without seeing each other's data.
/// </summary>
public sealed class TestStorage
{
    public TestStorage(IDictionary<string, string?>? extra = null)
    {
        var id = "t" + Guid.NewGuid().ToString("N")[..10];
        var settings = StorageOptions.IsolatedSettings(id);
        settings["AzureWebJobsStorage"] = Azurite.ConnectionString;
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Clients = StorageClients.FromConfiguration(Configuration);
        Cli = new CliContext(Configuration);
    }

    public IConfiguration Configuration { get; }
    public StorageClients Clients { get; }
    public CliContext Cli { get; }
    public MonthlyPipeline Pipeline(TimeProvider? clock = null, IPipelineHook? hook = null) => PipelineFactory.Create(Clients, clock, hook);

    public static string SeedsFolder => Path.Combine(Azurite.RepoRoot, "seeds");

    public static IReadOnlyList<InputFile> SeedFiles() => InputFile.FromFolder(SeedsFolder);

    /// <summary>The seeds run through the whole pipeline, as ./scripts/run.sh does.</summary>
    public async Task<PipelineRun> RunSeedsAsync() => await Pipeline().RunAsync(SeedFiles(), new IngestOptions());

    /// <summary>fz with these settings; returns the exit code and what it printed.</summary>
    public async Task<(int Exit, string Output)> FzAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await Fz.RunAsync(args, output, Cli);
        return (exit, output.ToString());
    }
}
