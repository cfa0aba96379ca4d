using FunctionsZone.Core.History;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Storage.References;

namespace FunctionsZone.Storage.History;

public static class HistoryQueryFactory
{
    public static HistoryQuery Create(StorageClients clients) =>
        new(new TableHistoryStore(clients), new TableObservationStore(clients), new TableReferenceStore(clients));
}
