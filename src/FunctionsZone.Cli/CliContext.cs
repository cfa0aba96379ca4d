using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Functions;
using FunctionsZone.Storage;
using FunctionsZone.Storage.Snapshots;
using Microsoft.Extensions.Configuration;

namespace FunctionsZone.Cli;

/// <summary>
/// What every fz command needs: configuration (environment variables, then local.settings.json's Values,
/// then UseDevelopmentStorage=true), the storage clients, the pipeline and the snapshot reader.
/// </summary>
public sealed class CliContext
{
    private readonly Lazy<StorageClients> _clients;

    public CliContext(IConfiguration? configuration = null)
    {
        Configuration = configuration ?? BuildConfiguration();
        _clients = new Lazy<StorageClients>(() => StorageClients.FromConfiguration(Configuration));
    }

    public IConfiguration Configuration { get; }
    public StorageClients Clients => _clients.Value;
    public MonthlyPipeline Pipeline()
    {
        var pipeline = PipelineFactory.Create(Clients);
        pipeline.TargetThresholds = ServiceRegistration.TargetThresholdsFrom(Configuration);
        return pipeline;
    }
    public SnapshotReader Reader() => new(new BlobSnapshotStore(Clients));
    public IngestOptions IngestOptions => ServiceRegistration.IngestOptionsFrom(Configuration);

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
