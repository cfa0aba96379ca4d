using System.Net;
using System.Text;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Functions.Http;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Incoming;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>Issue 10 #6 and #11: bombs and oversized bodies are refused by counting, before anything is decoded or buffered.</summary>
public sealed class BoundedParsingTests
{
    private static async Task<ImportSummary> IngestAsync(TestStorage storage, InputFile file)
    {
        var task = storage.Pipeline().IngestAsync(file, new IngestOptions());
        // Bounded so a regression fails here instead of holding the suite for minutes.
        Assert.Same(task, await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(60))));
        return await task;
    }

    [Fact]
    public async Task A_small_workbook_declaring_a_huge_dimension_is_refused()
    {
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var bytes = Xlsx.Workbook(Xlsx.Sheet("A1:XFD20", Xlsx.LongRows));
        Assert.True(bytes.Length < 4096);
        var s = await IngestAsync(storage, new InputFile("dimension.xlsx", bytes));
        Assert.Equal(ImportStatus.Error, s.Status);
        Assert.Equal("sheet-too-large", Assert.Single(s.Findings).Code);
    }

    [Fact]
    public async Task A_workbook_with_a_50_MB_inline_string_is_refused_and_its_summary_stays_small()
    {
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var bytes = Xlsx.Workbook(Xlsx.Sheet("A1:D2", [["zone", "indicator", "period", "value"], [new string('x', 50_000_000), "retail_sales", "2022-05", "1"]]));
        Assert.True(bytes.Length < 200_000);
        var s = await IngestAsync(storage, new InputFile("inline.xlsx", bytes));
        Assert.Equal(ImportStatus.Error, s.Status);
        Assert.Contains(s.Findings, f => f.Code is "xlsx-too-large" or "cell-too-long");
        Assert.True(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(s, Core.Json.Options).Length < 10_000);
    }

    /// <summary>A body of zeros that counts how much of it the server pulled.</summary>
    private sealed class CountingBody(long total) : Stream
    {
        public long Pulled;
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, total - Pulled);
            Array.Clear(buffer, offset, n);
            Pulled += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Pulled; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_chunked_upload_over_the_limit_is_refused_while_it_streams()
    {
        var storage = new TestStorage();
        var options = new IngestOptions { MaxFileBytes = 64 * 1024 };
        var fn = new WriteFunctions(storage.Pipeline(), new DropFolder(storage.Clients), options, new UploadGate(new UploadGateOptions()));
        await using var host = await HttpFunctionHost.StartAsync(new Dictionary<string, Func<HttpRequest, CancellationToken, Task<IActionResult>>>
        {
            ["POST /api/ingest"] = fn.Ingest,
        });
        // 24 MB, under Kestrel's own 30 MB cap: only the function's limit can stop it early.
        var body = new CountingBody(24L * 1024 * 1024);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest?file=big.csv") { Content = new StreamContent(body) };
        request.Headers.TransferEncodingChunked = true;
        // Refused by the function's own cap while streaming (413), not read whole and refused by ingest afterwards (422).
        var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        // And the cap stops pulling at the limit: at most one chunk past it is ever held.
        var stream = new CountingBody(24L * 1024 * 1024);
        Assert.Null(await WriteFunctions.ReadCappedAsync(stream, options.MaxFileBytes, CancellationToken.None));
        Assert.True(stream.Pulled <= options.MaxFileBytes + 64 * 1024, $"read {stream.Pulled:N0} bytes");
        var small = new CountingBody(1000);
        Assert.Equal(1000, (await WriteFunctions.ReadCappedAsync(small, options.MaxFileBytes, CancellationToken.None))!.Length);
    }
}
