using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core;

namespace FunctionsZone.Storage;

/// <summary>
/// Table and blob clients from configuration, read the way Azure Functions reads AzureWebJobsStorage:
/// a connection string ("UseDevelopmentStorage=true" for Azurite), or identity-based settings
/// (AzureWebJobsStorage__accountName / __tableServiceUri / __blobServiceUri, __credential, __clientId).
/// </summary>
public sealed class StorageClients
{
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }
    public StorageOptions Options { get; }

    public StorageClients(TableServiceClient tables, BlobServiceClient blobs, IOptions<StorageOptions> options)
    {
        Tables = tables; Blobs = blobs; Options = options.Value;
    }

    /// <summary>Where storage is and how to reach it, read from configuration; never logs the secret.</summary>
    public sealed record Endpoints(string? ConnectionString, Uri? TableUri, Uri? BlobUri, TokenCredential? Credential)
    {
        public string Mode => ConnectionString is not null ? "connection-string" : "identity";
    }

    public static Endpoints Resolve(IConfiguration configuration, string connectionName = DefaultConnectionName)
    {
        var connectionString = configuration[connectionName] ?? configuration.GetConnectionString(connectionName);
        if (!string.IsNullOrWhiteSpace(connectionString)) return new Endpoints(connectionString, null, null, null);

        var section = configuration.GetSection(connectionName);
        var account = section["accountName"];
        var tableUri = section["tableServiceUri"] ?? (account is null ? null : $"https://{account}.table.core.windows.net");
        var blobUri = section["blobServiceUri"] ?? (account is null ? null : $"https://{account}.blob.core.windows.net");
        if (tableUri is null || blobUri is null)
        {
            throw new InvalidOperationException(
                $"未配置存储连接：请设置 {connectionName}（连接字符串）或 {connectionName}__accountName（托管身份） / " +
                $"No storage configured: set {connectionName} (a connection string) or {connectionName}__accountName (identity-based)");
        }
        return new Endpoints(null, new Uri(tableUri), new Uri(blobUri), CredentialFrom(section));
    }

    /// <summary>
    /// Retries with exponential backoff on throttling (503) and server errors (500), as Azure Storage asks, within a
    /// bounded budget: each try waits at most StorageTimeoutSeconds (the SDK's own default is 100 s), and past the
    /// last retry StorageFaultPolicy ends the call with StorageUnavailableException.
    /// </summary>
    public static void ConfigureRetry(ClientOptions client, StorageOptions options)
    {
        var retry = client.Retry;
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = options.StorageRetries;
        retry.Delay = TimeSpan.FromMilliseconds(300);
        retry.MaxDelay = TimeSpan.FromSeconds(4);
        retry.NetworkTimeout = TimeSpan.FromSeconds(options.StorageTimeoutSeconds);
        client.AddPolicy(new StorageFaultPolicy(options.StorageRetries + 1), HttpPipelinePosition.PerCall);
    }

    private static TokenCredential CredentialFrom(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
            return clientId is null ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned) : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    public TableClient Table(string name) => Tables.GetTableClient(Options.Table(name));
    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    private int _ensured;

    /// <summary>
    /// Creates every table and container the app uses, once per process. Only writes call it: a read of storage that
    /// was never written finds nothing (IsMissing) and creates nothing.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _ensured) != 0) return;
        var tables = new[] { "Observations", "Periods", "Registry", "Targets", "OfficialRanks", "Imports", "History", "DirtyPeriods", "Schemes", "Projects", "Series" };
        var containers = new[] { Options.IncomingContainer, Options.ArchiveContainer, Options.RejectedContainer, Options.SnapshotContainer, Options.ResultsContainer, Options.ImportsContainer, Options.LocksContainer };
        await Task.WhenAll(tables.Select(t => Table(t).CreateIfNotExistsAsync(ct))
            .Concat<Task>(containers.Select(c => Container(c).CreateIfNotExistsAsync(cancellationToken: ct))));
        // Marked only once they all exist: a call that failed half-way (storage down) tries again next time.
        Volatile.Write(ref _ensured, 1);
    }

    /// <summary>A 404 for a table, container or entity that does not exist: to a read, nothing stored.</summary>
    public static bool IsMissing(Azure.RequestFailedException e) => e.Status == 404;
}
