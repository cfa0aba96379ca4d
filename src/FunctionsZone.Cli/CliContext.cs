using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Composition;
using FunctionsZone.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Cli;

/// <summary>
/// What every fz command needs: configuration (environment variables, then local.settings.json's Values, then
/// UseDevelopmentStorage=true) and the services of the one composition root (ServiceRegistration.AddFunctionsZone),
/// built on first use so that `fz generate` or `--help` never touch storage settings.
/// </summary>
public sealed class CliContext
{
    private readonly Lazy<ServiceProvider> _services;

    public CliContext(IConfiguration? configuration = null)
    {
        Configuration = configuration ?? BuildConfiguration();
        _services = new Lazy<ServiceProvider>(() => BuildServices(Configuration));
    }

    public IConfiguration Configuration { get; }
    public IServiceProvider Services => _services.Value;
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
    public StorageClients Clients => Get<StorageClients>();
    public MonthlyPipeline Pipeline() => Get<MonthlyPipeline>();
    public SnapshotReader Reader() => Get<SnapshotReader>();
    public IngestOptions IngestOptions => Get<IngestOptions>();

    /// <summary>The composition root (FunctionsZone.Composition), its options validated now rather than mid-command.</summary>
    public static ServiceProvider BuildServices(IConfiguration configuration, Action<IServiceCollection>? configure = null) =>
        ServiceRegistration.BuildProvider(configuration, configure);

    public static IConfiguration BuildConfiguration()
    {
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });
        var settings = RepositoryPaths.FindUp("local.settings.json");
        if (settings is not null)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(settings), new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.TryGetProperty("Values", out var values))
            {
                builder.AddInMemoryCollection(values.EnumerateObject()
                    .Select(p => new KeyValuePair<string, string?>(p.Name.Replace("__", ":"), p.Value.ToString())));
            }
        }
        return builder.AddEnvironmentVariables().Build();
    }
}
