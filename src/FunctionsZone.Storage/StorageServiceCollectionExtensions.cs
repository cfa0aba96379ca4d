using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using FunctionsZone.Core.History;
using FunctionsZone.Core.Ingest.Validation;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage.History;
using FunctionsZone.Storage.Imports;
using FunctionsZone.Storage.Incoming;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Storage.References;
using FunctionsZone.Storage.Results;
using FunctionsZone.Storage.Snapshots;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Table and blob clients through Microsoft.Extensions.Azure (the connection string when one is set, otherwise the
    /// service URIs with the managed identity, retries with backoff), StorageOptions bound from the FunctionsZone
    /// section, and every store registered as itself and behind its Core interface — so a host (or the bench) can
    /// wrap an interface without rebuilding the rest.
    /// </summary>
    public static IServiceCollection AddFunctionsZoneStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoints = StorageClients.Resolve(configuration);
        // The retry budget is part of each client's pipeline, built here: read the two settings it needs now.
        var budget = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        // A Functions host registers its configuration itself; fz, the bench and the tests bind from this one.
        services.TryAddSingleton(configuration);
        // Every request of both clients counted by kind (per try, as billed): the bench's transactions per stage.
        var transactions = new StorageTransactions();
        services.AddSingleton(transactions);
        services.AddAzureClients(builder =>
        {
            if (endpoints.ConnectionString is { } cs)
            {
                builder.AddTableServiceClient(cs).ConfigureOptions(o => o.AddPolicy(transactions.Policy(blob: false), HttpPipelinePosition.PerRetry));
                builder.AddBlobServiceClient(cs).ConfigureOptions(o => o.AddPolicy(transactions.Policy(blob: true), HttpPipelinePosition.PerRetry));
            }
            else
            {
                builder.AddTableServiceClient(endpoints.TableUri!).ConfigureOptions(o => o.AddPolicy(transactions.Policy(blob: false), HttpPipelinePosition.PerRetry));
                builder.AddBlobServiceClient(endpoints.BlobUri!).ConfigureOptions(o => o.AddPolicy(transactions.Policy(blob: true), HttpPipelinePosition.PerRetry));
                builder.UseCredential(endpoints.Credential!);
            }
            builder.ConfigureDefaults(o => StorageClients.ConfigureRetry(o, budget));
        });
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => o.Problem() is null, "FunctionsZone storage settings are invalid / 存储设置无效").ValidateOnStart();
        services.AddSingleton<StorageClients>();

        services.AddSingleton<TableObservationStore>();
        services.AddSingleton<IObservationStore>(sp => sp.GetRequiredService<TableObservationStore>());
        services.AddSingleton<TableReferenceStore>();
        services.AddSingleton<IReferenceStore>(sp => sp.GetRequiredService<TableReferenceStore>());
        services.AddSingleton<IValidationRuleStore>(sp => sp.GetRequiredService<TableReferenceStore>());
        services.AddSingleton<BlobResultStore>();
        services.AddSingleton<IResultStore>(sp => sp.GetRequiredService<BlobResultStore>());
        services.AddSingleton<BlobSnapshotStore>();
        services.AddSingleton<ISnapshotStore>(sp => sp.GetRequiredService<BlobSnapshotStore>());
        // Readers take whatever ISnapshotStore is registered (the bench wraps it to time storage).
        services.AddSingleton<ISnapshotSource>(sp => sp.GetRequiredService<ISnapshotStore>());
        services.AddSingleton<TableImportLog>();
        services.AddSingleton<IImportLog>(sp => sp.GetRequiredService<TableImportLog>());
        services.AddSingleton<TableHistoryStore>();
        services.AddSingleton<IHistoryStore>(sp => sp.GetRequiredService<TableHistoryStore>());
        services.AddSingleton<FunctionsZone.Storage.Pipeline.TableDirtyPeriodStore>();
        services.AddSingleton<IDirtyPeriodStore>(sp => sp.GetRequiredService<FunctionsZone.Storage.Pipeline.TableDirtyPeriodStore>());
        services.AddSingleton<FunctionsZone.Storage.Pipeline.BlobPipelineLease>();
        services.AddSingleton<IPipelineLease>(sp => sp.GetRequiredService<FunctionsZone.Storage.Pipeline.BlobPipelineLease>());
        services.AddSingleton<IImportLease, FunctionsZone.Storage.Pipeline.BlobImportLease>();
        services.AddSingleton<ImportLogReader>();
        services.AddSingleton<DropFolder>();
        return services;
    }
}
