using Azure.Core;
using Azure.Core.Pipeline;

namespace FunctionsZone.Storage;

/// <summary>What a storage request is billed as: the kinds Azure Storage prices and the bench reports per stage.</summary>
public enum StorageTransactionKind { TableBatch, TableQuery, PointRead, TableWrite, BlobPut, BlobGet, BlobList, Other }

/// <summary>Counts of storage transactions, by kind; a stage's figure is the difference of two snapshots.</summary>
public sealed record StorageTransactionCounts(long TableBatches, long TableQueries, long PointReads, long TableWrites,
    long BlobPuts, long BlobGets, long BlobLists, long Other)
{
    public static readonly StorageTransactionCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0);
    public long Total => TableBatches + TableQueries + PointReads + TableWrites + BlobPuts + BlobGets + BlobLists + Other;
    /// <summary>Requests that read: table query pages, point reads, blob gets and listings.</summary>
    public long Reads => TableQueries + PointReads + BlobGets + BlobLists;

    public static StorageTransactionCounts operator +(StorageTransactionCounts a, StorageTransactionCounts b) => new(
        a.TableBatches + b.TableBatches, a.TableQueries + b.TableQueries, a.PointReads + b.PointReads, a.TableWrites + b.TableWrites,
        a.BlobPuts + b.BlobPuts, a.BlobGets + b.BlobGets, a.BlobLists + b.BlobLists, a.Other + b.Other);

    public static StorageTransactionCounts operator -(StorageTransactionCounts a, StorageTransactionCounts b) => new(
        a.TableBatches - b.TableBatches, a.TableQueries - b.TableQueries, a.PointReads - b.PointReads, a.TableWrites - b.TableWrites,
        a.BlobPuts - b.BlobPuts, a.BlobGets - b.BlobGets, a.BlobLists - b.BlobLists, a.Other - b.Other);
}

/// <summary>
/// Every request the table and blob clients send, counted by kind (each try of a retried request counts: it is billed).
/// One instance per composition root (AddFunctionsZoneStorage adds its policy to both clients); cheap enough to stay on
/// in production, where it is simply never read.
/// </summary>
public sealed class StorageTransactions
{
    private readonly long[] _counts = new long[Enum.GetValues<StorageTransactionKind>().Length];

    public StorageTransactionCounts Snapshot()
    {
        long C(StorageTransactionKind k) => Interlocked.Read(ref _counts[(int)k]);
        return new(C(StorageTransactionKind.TableBatch), C(StorageTransactionKind.TableQuery), C(StorageTransactionKind.PointRead), C(StorageTransactionKind.TableWrite),
            C(StorageTransactionKind.BlobPut), C(StorageTransactionKind.BlobGet), C(StorageTransactionKind.BlobList), C(StorageTransactionKind.Other));
    }

    public void Count(StorageTransactionKind kind) => Interlocked.Increment(ref _counts[(int)kind]);

    /// <summary>Diagnostics: called with each request's kind, method and path (no query: it may hold a SAS).</summary>
    public Action<StorageTransactionKind, string, string>? Trace { get; set; }

    /// <summary>A table request by method and path: $batch, a query page (GET …() or Tables), a point read (GET …(PartitionKey=…,RowKey=…)), a write.</summary>
    public static StorageTransactionKind ClassifyTable(string method, string path)
    {
        if (path.EndsWith("$batch", StringComparison.Ordinal)) return StorageTransactionKind.TableBatch;
        var keyed = path.Contains("PartitionKey=", StringComparison.Ordinal) || path.Contains("PartitionKey%3D", StringComparison.OrdinalIgnoreCase);
        return method switch
        {
            "GET" => keyed ? StorageTransactionKind.PointRead : StorageTransactionKind.TableQuery,
            "POST" or "PUT" or "PATCH" or "MERGE" or "DELETE" => StorageTransactionKind.TableWrite,
            _ => StorageTransactionKind.Other,
        };
    }

    /// <summary>A blob request: PUT (blob, block, block list, lease, container) is a put; GET/HEAD a get, or a listing with comp=list.</summary>
    public static StorageTransactionKind ClassifyBlob(string method, string query) => method switch
    {
        "PUT" => StorageTransactionKind.BlobPut,
        "GET" when query.Contains("comp=list", StringComparison.OrdinalIgnoreCase) => StorageTransactionKind.BlobList,
        "GET" or "HEAD" => StorageTransactionKind.BlobGet,
        _ => StorageTransactionKind.Other,
    };

    /// <summary>The policy for a table (blob = false) or blob client.</summary>
    public HttpPipelinePolicy Policy(bool blob) => new CountingPolicy(this, blob);

    private sealed class CountingPolicy(StorageTransactions counter, bool blob) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            var method = message.Request.Method.Method;
            var uri = message.Request.Uri;
            var kind = blob ? ClassifyBlob(method, uri.Query) : ClassifyTable(method, uri.Path);
            counter.Count(kind);
            counter.Trace?.Invoke(kind, method, uri.Path);
        }
    }
}
