using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Storage;
using FunctionsZone.Storage.References;
using Microsoft.Extensions.Configuration;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>
/// Issue 10 #8: with storage down, or an endpoint that accepts connections and never answers, every store throws
/// StorageUnavailableException within its bounded time (timeout × tries), not a transport error minutes later.
/// </summary>
public sealed class StorageDownTests
{
    public static StorageClients ClientsFor(int port, int timeoutSeconds = 2, int retries = 1) =>
        new FunctionsZone.Cli.CliContext(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = Infrastructure.Azurite.ConnectionStringFor(port, port, port),
            ["FunctionsZone:StorageTimeoutSeconds"] = timeoutSeconds.ToString(),
            ["FunctionsZone:StorageRetries"] = retries.ToString(),
        }).Build()).Clients;

    private static async Task<TimeSpan> FailsWithinAsync(Func<Task> call, TimeSpan bound)
    {
        var sw = Stopwatch.StartNew();
        var task = call();
        var done = await Task.WhenAny(task, Task.Delay(bound + TimeSpan.FromSeconds(30)));
        Assert.True(done == task, $"still waiting after {sw.Elapsed}");
        var e = await Assert.ThrowsAsync<StorageUnavailableException>(() => task);
        Assert.True(sw.Elapsed < bound, $"took {sw.Elapsed}");
        Assert.Contains(" / ", e.Message);
        return sw.Elapsed;
    }

    [Fact]
    public async Task Nothing_listening_is_storage_unavailable_at_once()
    {
        var clients = ClientsFor(Infrastructure.Azurite.FreePort());
        await FailsWithinAsync(() => new TableReferenceStore(clients).LoadRegistryAsync(), TimeSpan.FromSeconds(10));
        await FailsWithinAsync(() => new FunctionsZone.Storage.Snapshots.BlobSnapshotStore(clients).LatestAsync(), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_endpoint_that_accepts_and_never_answers_is_storage_unavailable_after_the_bounded_time()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try { while (true) held.Add(await silent.AcceptTcpClientAsync()); }
            catch (Exception) { /* stopped */ }
        });
        var clients = ClientsFor(((IPEndPoint)silent.LocalEndpoint).Port, timeoutSeconds: 2, retries: 1);
        // Two tries of two seconds each, and the back-off between them.
        await FailsWithinAsync(() => new TableReferenceStore(clients).LoadRegistryAsync(), TimeSpan.FromSeconds(12));
        await FailsWithinAsync(() => new FunctionsZone.Storage.Snapshots.BlobSnapshotStore(clients).LatestAsync(), TimeSpan.FromSeconds(12));
        silent.Stop();
        foreach (var c in held) c.Dispose();
    }
}
