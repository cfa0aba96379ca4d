using Azure.Data.Tables;
using FunctionsZone.Storage;

namespace FunctionsZone.Bench;

/// <summary>Deletes a run's tables ([id, id~)) and containers (id-*); a failure is said, never thrown over the run's result.</summary>
public static class BenchCleanUp
{
    public static async Task RunAsync(StorageClients clients, string id, Action<string>? progress)
    {
        try
        {
            await foreach (var t in clients.Tables.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {id} and TableName lt {id + "~"}")))
                await clients.Tables.DeleteTableAsync(t.Name);
            await foreach (var c in clients.Blobs.GetBlobContainersAsync(prefix: id + "-"))
                await clients.Blobs.DeleteBlobContainerAsync(c.Name);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException)
        {
            progress?.Invoke($"clean-up of {id}* failed: {e.Message.Split('\n')[0]}");
        }
    }
}
