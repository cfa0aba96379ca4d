using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionsZone.Functions.Http;

/// <summary>The worker's own addition to the composition root (FunctionsZone.Composition): the upload gate, an HTTP concern.</summary>
public static class UploadGateRegistration
{
    /// <summary>FunctionsZone:Ingest:MaxConcurrentUploads / UploadWaitSeconds: how many uploads are held in memory at once.</summary>
    public static IServiceCollection AddUploadGate(this IServiceCollection services)
    {
        services.AddOptions<UploadGateOptions>().BindConfiguration(UploadGateOptions.Section)
            .Validate(o => o is { MaxConcurrentUploads: > 0, UploadWaitSeconds: >= 0 },
                "FunctionsZone:Ingest:MaxConcurrentUploads 必须为正，UploadWaitSeconds 不能为负 / MaxConcurrentUploads must be positive and UploadWaitSeconds not negative")
            .ValidateOnStart();
        services.AddSingleton(sp => new UploadGate(sp.GetRequiredService<IOptions<UploadGateOptions>>().Value));
        return services;
    }
}
