using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsZone.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Table and blob clients through Microsoft.Extensions.Azure: the connection string when one is set,
    /// otherwise the service URIs with the managed identity (DefaultAzureCredential), retries with backoff.
    /// </summary>
    public static IServiceCollection AddFunctionsZoneStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoints = StorageClients.Resolve(configuration);
        var options = StorageOptions.From(configuration);
        services.AddAzureClients(builder =>
        {
            if (endpoints.ConnectionString is { } cs)
            {
                builder.AddTableServiceClient(cs);
                builder.AddBlobServiceClient(cs);
            }
            else
            {
                builder.AddTableServiceClient(endpoints.TableUri!);
                builder.AddBlobServiceClient(endpoints.BlobUri!);
                builder.UseCredential(endpoints.Credential!);
            }
            builder.ConfigureDefaults(o => StorageClients.ConfigureRetry(o, options));
        });
        services.AddSingleton(sp => new StorageClients(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<BlobServiceClient>(),
            options, endpoints.Mode));
        return services;
    }
}
