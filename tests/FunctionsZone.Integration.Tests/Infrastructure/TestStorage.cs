using FunctionsZone.Cli;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Importers;

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
        // The Word briefing is most of a seeds publish's time: published where a test reads it (WithWordBriefings), the
        // Markdown one everywhere, so every publish still renders a briefing from the version's own files.
        settings["FunctionsZone:PublishBriefings"] = "md";
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Cli = new CliContext(Configuration);
    }

    /// <summary>Settings that publish the Word briefing beside the Markdown one, as production does.</summary>
    public static Dictionary<string, string?> WithWordBriefings(IDictionary<string, string?>? extra = null) =>
        new(extra ?? new Dictionary<string, string?>()) { ["FunctionsZone:PublishBriefings"] = "md,docx" };

    public IConfiguration Configuration { get; }
    public CliContext Cli { get; }
    /// <summary>The composition root every host uses (ServiceRegistration.AddFunctionsZone), on this test's storage.</summary>
    public IServiceProvider Services => Cli.Services;
    public T Get<T>() where T : notnull => Cli.Get<T>();
    public StorageClients Clients => Get<StorageClients>();
    /// <summary>
    /// The registered pipeline, or one on the same stores with its own clock and its own test hook (the hook also in
    /// its observation store, so only this pipeline pauses or stops storage).
    /// </summary>
    public MonthlyPipeline Pipeline(TimeProvider? clock = null, IPipelineHook? hook = null)
    {
        if (clock is null && hook is null) return Get<MonthlyPipeline>();
        var args = new List<object>();
        if (clock is not null) args.Add(clock);
        if (hook is not null) args.AddRange([hook, (IObservationStore)new FunctionsZone.Storage.Observations.TableObservationStore(Clients, hook)]);
        return ActivatorUtilities.CreateInstance<MonthlyPipeline>(Services, [.. args]);
    }

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
