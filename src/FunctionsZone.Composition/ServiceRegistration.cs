using FunctionsZone.Core.History;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Targets;
using FunctionsZone.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Publishing;
using FunctionsZone.Rendering;
using FunctionsZone.Core.Tables;

namespace FunctionsZone.Composition;

/// <summary>
/// The one composition root: the Functions runtime (FunctionsZone.Functions/Program.cs, which adds only its HTTP upload
/// gate and telemetry), the worker under fz serve, every fz command, the bench, the portal bench and the tests all build
/// their services here. Settings are bound with the options pattern and checked at start (<see cref="BuildProvider"/>
/// for a host without a generic host); stores are registered behind their Core interfaces (AddFunctionsZoneStorage).
/// </summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddFunctionsZone(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFunctionsZoneStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);
        // The fault-injection tests' pause points (IPipelineHook); a no-op everywhere else.
        services.TryAddSingleton(PipelineHook.None);

        // FunctionsZone:MaxFileBytes / MaxRows; DryRun and AllowPartial are per request, never settings.
        services.AddOptions<IngestOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o is { MaxFileBytes: > 0, MaxRows: > 0, DryRun: false, AllowPartial: false },
                "FunctionsZone:MaxFileBytes 与 MaxRows 必须为正 / FunctionsZone:MaxFileBytes and MaxRows must be positive")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IngestOptions>>().Value);

        // FunctionsZone:Targets:OnTrack (default 0.95) and :Accelerate (0.6), the SDG-style ratio thresholds.
        services.AddOptions<TargetThresholds>().BindConfiguration($"{StorageOptions.Section}:Targets")
            .Validate(t => t.Accelerate >= 0 && t.Accelerate <= t.OnTrack,
                "FunctionsZone:Targets 须满足 0 ≤ Accelerate ≤ OnTrack / FunctionsZone:Targets needs 0 ≤ Accelerate ≤ OnTrack")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TargetThresholds>>().Value);

        services.AddOptions<SnapshotReaderOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o.LatestCacheSeconds >= 0, "FunctionsZone:LatestCacheSeconds 不能为负 / must not be negative")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SnapshotReaderOptions>>().Value);

        services.AddOptions<Core.Briefing.BriefingOptions>().BindConfiguration(StorageOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Core.Briefing.BriefingOptions>>().Value);
        // The briefing's documents (Markdown, Word, charts) come from FunctionsZone.Rendering, behind Core's port.
        services.AddSingleton<IBriefingRenderer, FunctionsZone.Rendering.BriefingRenderer>();
        // Table files (CSV) are read by FunctionsZone.Formats, behind Core's ITableFileReader.
        services.AddSingleton<ITableFileReader, FunctionsZone.Formats.CsvTableReader>();
        services.AddSingleton<BriefingService>();
        services.AddSingleton<BriefingPublisher>();

        services.AddSingleton<MonthlyPipeline>();
        services.AddSingleton<SnapshotReader>();
        services.AddSingleton<HistoryQuery>();
        return services;
    }

    /// <summary>
    /// The composition root built outside a generic host (fz, the bench, the tests), with its options validated now, as a
    /// host does at start, rather than mid-command. <paramref name="configure"/> replaces registrations (the bench's timed stores).
    /// </summary>
    public static ServiceProvider BuildProvider(IConfiguration configuration, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection().AddLogging().AddFunctionsZone(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        try { provider.GetService<IStartupValidator>()?.Validate(); }
        catch (OptionsValidationException e)
        {
            provider.Dispose();
            throw new InvalidOperationException(string.Join("; ", e.Failures), e);
        }
        return provider;
    }
}
