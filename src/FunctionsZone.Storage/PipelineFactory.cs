using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage.Imports;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Storage.Pipeline;
using FunctionsZone.Storage.References;
using FunctionsZone.Storage.Results;
using FunctionsZone.Storage.Snapshots;

namespace FunctionsZone.Storage;

/// <summary>The pipeline wired to Azure Storage; the one place the stores are put together.</summary>
public static class PipelineFactory
{
    public static MonthlyPipeline Create(StorageClients clients, TimeProvider? clock = null, IPipelineHook? hook = null) => new(
        new TableObservationStore(clients, hook), new TableReferenceStore(clients), new BlobResultStore(clients),
        new BlobSnapshotStore(clients), new TableImportLog(clients), new TableDirtyPeriodStore(clients), new BlobPipelineLease(clients), clock, hook);
}
