using FunctionsZone.Core.History;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Storage.Snapshots;

namespace FunctionsZone.Storage.History;

public static class HistoryQueryFactory
{
    public static HistoryQuery Create(StorageClients clients) =>
        new(new TableHistoryStore(clients), new SnapshotReader(new BlobSnapshotStore(clients)));
}
