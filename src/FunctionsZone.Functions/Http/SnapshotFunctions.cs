using FunctionsZone.Storage.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsZone.Functions.Http;

/// <summary>The published snapshot versions (those retention kept) and which one is latest.</summary>
public sealed class SnapshotFunctions(BlobSnapshotStore store)
{
    [Function("GetSnapshots")]
    public async Task<IActionResult> Versions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "snapshots")] HttpRequest req)
    {
        var latest = await store.LatestAsync();
        var versions = (await store.ListVersionsAsync()).Reverse().Select(v => new
        {
            version = v, path = FunctionsZone.Core.Snapshots.SnapshotLayout.VersionFolder(v), location = store.Location(v), latest = v == latest?.Version,
        }).ToList();
        if (!Paging.TryPage(req, versions, out var page, out var problem)) return problem!;
        return Respond.Read(req, new { latest, page.Items, page.Total, page.ContinuationToken });
    }
}
