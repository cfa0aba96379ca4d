using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core;

namespace FunctionsZone.Core.Snapshots;

/// <summary>A file of a version as it is stored: its manifest entry (SHA-256 and size of the bytes before gzip) and its gzipped bytes.</summary>
public sealed record EncodedFile(SnapshotFileEntry Entry, byte[] Gzipped)
{
    public string Object => Entry.Object;
}

/// <summary>
/// How a snapshot file becomes an object (docs/snapshots.md): gzip of its bytes (Content-Encoding: gzip), named by the
/// SHA-256 of the bytes before gzip. A file is serialised straight into the hash and the gzip stream, so a national
/// month's rankings.json is only ever held gzipped.
/// </summary>
public static class SnapshotEncoding
{
    public static EncodedFile Json<T>(string path, T value) =>
        Encode(path, s => JsonSerializer.Serialize(s, value, Core.Json.Options));

    public static EncodedFile Bytes(string path, byte[] bytes) => Encode(path, s => s.Write(bytes));

    public static EncodedFile Encode(string path, Action<Stream> write)
    {
        using var gzipped = new MemoryStream();
        using var hashing = new HashingStream(gzipped);
        write(hashing);
        var (sha, size) = hashing.Finish();
        return new EncodedFile(new SnapshotFileEntry(path, size, sha), gzipped.ToArray());
    }

    /// <summary>The name part of an object: SHA-256 of the bytes before gzip, lower-case hex.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static byte[] Gzip(byte[] bytes)
    {
        using var m = new MemoryStream();
        using (var gz = NewGzip(m)) gz.Write(bytes);
        return m.ToArray();
    }

    /// <summary>
    /// An object's stored bytes decoded and checked against the SHA-256 it is named by (objects are content-addressed):
    /// bytes that do not hash to their name, or do not decode, are refused as damaged, never served.
    /// </summary>
    public static byte[] Verified(string objectName, byte[] stored)
    {
        byte[] bytes;
        try { bytes = Gunzip(stored); }
        catch (InvalidDataException) { throw Damaged(objectName, "无法解压 / does not decode"); }
        if (SnapshotLayout.HashOf(objectName) is { } expected && Sha256(bytes) != expected)
            throw Damaged(objectName, "内容与其 SHA-256 名称不符 / its bytes do not match the SHA-256 it is named by");
        return bytes;
    }

    public static SnapshotIntegrityException Damaged(string objectName, string why) =>
        new($"快照对象 {objectName} 已损坏（{why.Split(" / ")[0]}），下次发布将修复 / Snapshot object {objectName} is damaged ({why.Split(" / ")[1]}); the next publish repairs it");

    public static SnapshotIntegrityException Missing(string objectName) =>
        new($"快照对象 {objectName} 缺失（清单列出但存储中没有），下次发布将修复 / Snapshot object {objectName} is missing (named by the manifest, absent from storage); the next publish repairs it");

    /// <summary>Decodes gzip (magic 1F 8B); plain JSON, as older versions were written, passes through.</summary>
    public static byte[] Gunzip(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B) return bytes;
        using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var m = new MemoryStream();
        gz.CopyTo(m);
        return m.ToArray();
    }

    // Fixed level and no file name/time in the header: the same JSON gives the same bytes.
    private static GZipStream NewGzip(Stream into) => new(into, CompressionLevel.Optimal, leaveOpen: true);

    /// <summary>Counts and hashes what is written, and passes it on gzipped.</summary>
    private sealed class HashingStream(Stream into) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly GZipStream _gzip = NewGzip(into);
        private long _length;

        public (string Sha256, long Size) Finish()
        {
            _gzip.Dispose();
            return (Convert.ToHexStringLower(_hash.GetHashAndReset()), _length);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _gzip.Write(buffer);
            _length += buffer.Length;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) { _gzip.Dispose(); _hash.Dispose(); }
            base.Dispose(disposing);
        }
    }
}
