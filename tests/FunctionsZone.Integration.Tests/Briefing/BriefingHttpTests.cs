using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using FunctionsZone.Core.Briefing;
using FunctionsZone.Functions.Http;
using FunctionsZone.Integration.Tests.Evaluation;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Xunit;
using FunctionsZone.Core.Publishing;

namespace FunctionsZone.Integration.Tests.Briefing;

/// <summary>GET /api/briefing over real HTTP (Kestrel routing to the function method), on the seeded storage, answering as fz does.</summary>
public sealed class BriefingHttpTests(SeededStorage seeded) : IClassFixture<SeededStorage>, IAsyncLifetime
{
    private HttpFunctionHost _host = null!;

    public async Task InitializeAsync()
    {
        var function = new BriefingFunction(seeded.Storage.Get<BriefingService>());
        _host = await HttpFunctionHost.StartAsync(new Dictionary<string, Func<HttpRequest, CancellationToken, Task<IActionResult>>>
        {
            ["/api/briefing"] = function.Get,
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Json_is_the_default_and_says_what_fz_says()
    {
        var response = await _host.Client.GetAsync("/api/briefing?zone=" + Uri.EscapeDataString("聊城经开区") + "&period=2022-05");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.ToString());
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var main = doc.GetProperty("sections")[0].GetProperty("paragraphs")[0].GetString();
        var (_, fz) = await seeded.Storage.FzAsync("briefing", "--zone", "lc-etdz", "--period", "2022-05");
        Assert.Contains(main!, fz);
        Assert.StartsWith("1-5月份，全区规上工业增加值同比增长9.5%，增速全市第4", main);

        // The ETag comes back as 304.
        var again = new HttpRequestMessage(HttpMethod.Get, "/api/briefing?zone=lc-etdz&period=2022-05");
        again.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, (await _host.Client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Md_and_docx_come_with_their_content_types()
    {
        var md = await _host.Client.GetAsync("/api/briefing?zone=lc-etdz&period=2022-05&format=md&lang=en");
        Assert.Equal("text/markdown; charset=utf-8", md.Content.Headers.ContentType!.ToString());
        var text = await md.Content.ReadAsStringAsync();
        Assert.StartsWith("**Economic Briefing**", text); // the masthead, then the title
        Assert.Contains("\n# Liaocheng Economic and Technological Development Zone: economic briefing, January–May 2022\n", text);

        var docx = await _host.Client.GetAsync("/api/briefing?zone=lc-etdz&period=2022-05&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.ToString());
        Assert.Contains("attachment", docx.Content.Headers.ContentDisposition!.ToString());
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal(2, doc.MainDocumentPart!.ImageParts.Count());
    }

    [Theory]
    [InlineData("/api/briefing?period=2022-05", 400, "zone")]
    [InlineData("/api/briefing?zone=lc-etdz&period=2021", 400, "2021-05")]
    [InlineData("/api/briefing?zone=lc-etdz&period=2022-05&format=pdf", 400, "docx")]
    [InlineData("/api/briefing?zone=lc-etdz&period=2022-05&lang=fr", 400, "zh")]
    [InlineData("/api/briefing?zone=nowhere&period=2022-05", 404, "nowhere")]
    [InlineData("/api/briefing?zone=lc-etdz&period=2019-03", 404, "2019-03")]
    public async Task Bad_requests_are_problems_that_say_what_is_wrong(string url, int status, string mentioned)
    {
        var response = await _host.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{url}: {(int)response.StatusCode} {body}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType!.ToString());
        Assert.Contains(mentioned, body);
    }
}
