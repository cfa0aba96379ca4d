using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Storage;
using FunctionsZone.Storage.Imports;
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
        services.AddFunctionsZoneStorage(configuration);
        services.AddSingleton(PipelineHook.None);
        services.AddSingleton(sp =>
        {
            var pipeline = PipelineFactory.Create(sp.GetRequiredService<StorageClients>(), hook: sp.GetRequiredService<IPipelineHook>());
            pipeline.TargetThresholds = TargetThresholdsFrom(configuration);
            return pipeline;
        });
        services.AddSingleton(sp => new DropFolder(sp.GetRequiredService<StorageClients>()));
        services.AddSingleton(sp => new BlobSnapshotStore(sp.GetRequiredService<StorageClients>()));
        services.AddSingleton(sp => new SnapshotReader(sp.GetRequiredService<BlobSnapshotStore>(),
            TimeSpan.FromSeconds(double.TryParse(configuration["FunctionsZone:LatestCacheSeconds"], out var cacheFor) ? cacheFor : 0)));
        services.AddSingleton(sp => new ImportLogReader(sp.GetRequiredService<StorageClients>()));
        services.AddSingleton(_ => IngestOptionsFrom(configuration));
        services.AddSingleton(sp => Storage.History.HistoryQueryFactory.Create(sp.GetRequiredService<StorageClients>()));
        return services;
    }

    /// <summary>FunctionsZone:Targets:OnTrack (default 0.95) and :Accelerate (0.6), the SDG-style ratio thresholds.</summary>
    public static Core.Targets.TargetThresholds TargetThresholdsFrom(IConfiguration configuration)
    {
        var s = configuration.GetSection("FunctionsZone:Targets");
        var d = Core.Targets.TargetThresholds.Default;
        static decimal? Read(string? v) => decimal.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x) ? x : null;
        return d with { OnTrack = Read(s["OnTrack"]) ?? d.OnTrack, Accelerate = Read(s["Accelerate"]) ?? d.Accelerate };
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
