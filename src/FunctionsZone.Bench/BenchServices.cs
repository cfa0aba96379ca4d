using FunctionsZone.Composition;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage;
using FunctionsZone.Storage.Imports;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Storage.References;
using FunctionsZone.Storage.Results;
using FunctionsZone.Storage.Snapshots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Bench;

/// <summary>
/// The composition root under one prefix of the bench's (its own tables and containers), each store wrapped to split
/// storage time from in-memory work, and the clocks and request counts the stages read.
/// </summary>
public sealed class BenchServices : IAsyncDisposable
{
    private BenchServices(ServiceProvider provider, IConfiguration configuration, StorageClock storage, StorageClock observationReads)
    {
        Provider = provider;
        Configuration = configuration;
        Storage = storage;
        ObservationReads = observationReads;
    }

    public ServiceProvider Provider { get; }
    /// <summary>The configuration with this prefix's storage names (StorageOptions.IsolatedSettings).</summary>
    public IConfiguration Configuration { get; }
    /// <summary>Time spent in any store's calls.</summary>
    public StorageClock Storage { get; }
    /// <summary>Time spent reading stored observations, and the entities read.</summary>
    public StorageClock ObservationReads { get; }
    public StorageClients Clients => Provider.GetRequiredService<StorageClients>();
    /// <summary>Every request the clients send, counted by kind: a stage's transactions are a difference.</summary>
    public StorageTransactions Transactions => Provider.GetRequiredService<StorageTransactions>();
    public MonthlyPipeline Pipeline => Provider.GetRequiredService<MonthlyPipeline>();
    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public static BenchServices Build(IConfiguration configuration, string prefix)
    {
        var isolated = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(StorageOptions.IsolatedSettings(prefix)).Build();
        var storage = new StorageClock();
        var reads = new StorageClock();
        var provider = ServiceRegistration.BuildProvider(isolated, s => s
            .AddSingleton<IObservationStore>(sp => new TimedObservationStore(sp.GetRequiredService<TableObservationStore>(), storage, reads))
            .AddSingleton<IReferenceStore>(sp => new TimedReferenceStore(sp.GetRequiredService<TableReferenceStore>(), storage))
            .AddSingleton<IResultStore>(sp => new TimedResultStore(sp.GetRequiredService<BlobResultStore>(), storage))
            .AddSingleton<ISnapshotStore>(sp => new TimedSnapshotStore(sp.GetRequiredService<BlobSnapshotStore>(), storage))
            .AddSingleton<IImportLog>(sp => new TimedImportLog(sp.GetRequiredService<TableImportLog>(), storage)));
        return new BenchServices(provider, isolated, storage, reads);
    }

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
