using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Storage;
using FunctionsZone.Storage.Incoming;
using FunctionsZone.Storage.Snapshots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsZone.Functions;

/// <summary>The services every host (Functions runtime, fz serve, tests) gives the functions.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddFunctionsZone(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.AddSingleton(sp => PipelineFactory.Create(sp.GetRequiredService<StorageClients>()));
        services.AddSingleton(sp => new DropFolder(sp.GetRequiredService<StorageClients>()));
        services.AddSingleton(sp => new SnapshotReader(new BlobSnapshotStore(sp.GetRequiredService<StorageClients>()),
            TimeSpan.FromSeconds(double.TryParse(configuration["FunctionsZone:LatestCacheSeconds"], out var cacheFor) ? cacheFor : 0)));
        services.AddSingleton(_ => IngestOptionsFrom(configuration));
        return services;
    }

    public static IngestOptions IngestOptionsFrom(IConfiguration configuration)
    {
        var s = configuration.GetSection("FunctionsZone");
        var d = new IngestOptions();
        return d with
        {
            MaxFileBytes = long.TryParse(s["MaxFileBytes"], out var b) ? b : d.MaxFileBytes,
            MaxRows = int.TryParse(s["MaxRows"], out var r) ? r : d.MaxRows,
        };
    }
}
