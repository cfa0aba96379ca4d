using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsZone.Cli.Serve;
using Microsoft.Azure.Functions.Worker;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>The query API's contract over real HTTP against fz serve's host and Azurite.</summary>
public sealed class ApiContractTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Http => api.Http;

    private static string Url(string path, params (string Key, string Value)[] query) =>
        path + (query.Length == 0 ? "" : "?" + string.Join("&", query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}")));

    private async Task<(HttpResponseMessage Response, JsonNode? Body)> GetAsync(string url, string? etag = null, string? key = null)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, url);
        if (etag is not null) req.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        if (key is not null) req.Headers.Add("x-functions-key", key);
        var res = await Http.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        return (res, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task Rankings_by_chinese_names_return_the_ranking_fz_prints_and_304_on_the_etag()
    {
        var url = Url("api/rankings", ("period", "2022-05"), ("indicator", "规上工业增加值增速"), ("group", "聊城市"));
        var (res, body) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("application/json; charset=utf-8", res.Content.Headers.ContentType!.ToString());
        var (exit, cli) = await api.Storage.FzAsync("rankings", "--period", "2022-05", "--indicator", "industrial_va_growth", "--group", "liaocheng-city", "--json");
        Assert.Equal(0, exit);
        var expected = JsonNode.Parse(cli)!.AsArray().Select(e => (e!["zone"]!.GetValue<string>(), e["rank"]?.GetValue<int>())).ToList();
        var actual = body!["entries"]!.AsArray().Select(e => (e!["zone"]!.GetValue<string>(), e["rank"]?.GetValue<int>())).ToList();
        Assert.NotEmpty(actual);
        Assert.Equal(expected, actual);

        var etag = res.Headers.ETag!.Tag;
        var (again, againBody) = await GetAsync(url, etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Null(againBody);
        Assert.Equal(etag, again.Headers.ETag!.Tag);
        var (stale, _) = await GetAsync(url, "\"not-the-etag\"");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
    }

    /// <summary>curl sends 中文 in a query string as raw UTF-8 bytes, which Kestrel alone refuses; fz serve accepts it.</summary>
    [Fact]
    public async Task A_query_with_raw_utf8_bytes_as_curl_sends_it_is_answered()
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(Http.BaseAddress!.Host, Http.BaseAddress.Port);
        var stream = tcp.GetStream();
        var request = "GET /api/rankings?period=2022-05&indicator=规上工业增加值增速&group=聊城市 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        var response = await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 200", response);
        Assert.Contains("\"group\":\"liaocheng-city\"", response);
    }

    /// <summary>Every GET function, requested with its required parameters' examples from docs/openapi.json: 200, an ETag, and 304 on it.</summary>
    [Fact]
    public async Task Every_documented_read_answers_200_with_an_etag_and_304_when_it_matches()
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(Infrastructure.Azurite.RepoRoot, "docs/openapi.json")))!;
        // Import summaries and history need a function key (they quote files and name imports); the other reads do not.
        var importId = (await GetAsync("api/imports?pageSize=1", key: ApiFixture.FunctionKey)).Body!["items"]![0]!["importId"]!.GetValue<string>();
        var reads = FunctionCatalog.HttpFunctions().Where(f => f.Methods.Contains("GET")).ToList();
        Assert.True(reads.Count >= 9);
        foreach (var f in reads)
        {
            var path = $"/api/{f.Route}";
            var op = doc["paths"]![path]!["get"]!;
            var query = new List<(string, string)>();
            foreach (var p in op["parameters"]!.AsArray())
            {
                var name = p!["name"]!.GetValue<string>();
                var example = p["example"]!.ToString();
                if (p["in"]!.GetValue<string>() == "path")
                    path = path.Replace($"{{{name}}}", Uri.EscapeDataString(name == "importId" ? importId : example));
                else if (p["required"]!.GetValue<bool>()) query.Add((name, example));
            }
            // x-requiredOneOf (GET /api/whatif: indicator or improve): send the first, with its example.
            if (op["x-requiredOneOf"]?.AsArray()[0]!.GetValue<string>() is { } oneOf)
                query.Add((oneOf, op["parameters"]!.AsArray().Single(x => x!["name"]!.GetValue<string>() == oneOf)!["example"]!.ToString()));
            var url = Url(path.TrimStart('/'), [.. query]);
            var key = f.AuthLevel == Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous ? null : ApiFixture.FunctionKey;
            var (res, _) = await GetAsync(url, key: key);
            Assert.True(res.StatusCode == HttpStatusCode.OK, $"{f.Name} {url}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
            Assert.NotNull(res.Headers.ETag);
            var (again, _) = await GetAsync(url, res.Headers.ETag!.Tag, key);
            Assert.True(again.StatusCode == HttpStatusCode.NotModified, $"{f.Name} {url}: {(int)again.StatusCode} on If-None-Match");
        }
    }

    [Theory]
    [InlineData("api/rankings?period=2022-13&indicator=industrial_va_growth&group=liaocheng-city", 400, "bad-period")]
    [InlineData("api/rankings?period=2022-05&indicator=no-such&group=liaocheng-city", 404, "unknown-indicator")]
    [InlineData("api/rankings?period=2022-05&indicator=industrial_va_growth&group=no-such", 404, "unknown-group")]
    [InlineData("api/rankings?period=2022-05&indicator=industrial_va_growth&group=liaocheng-city&measure=best", 400, "bad-measure")]
    [InlineData("api/rankings?period=2022-05", 400, "missing-parameter")]
    [InlineData("api/rankings?period=1999-05&indicator=industrial_va_growth&group=liaocheng-city", 404, "not-found")]
    [InlineData("api/zones/no-such-zone", 404, "unknown-zone")]
    [InlineData("api/zones/lc-etdz?period=May", 400, "bad-period")]
    [InlineData("api/series?zone=no-such&indicator=industrial_va_growth", 404, "unknown-zone")]
    [InlineData("api/series?zone=lc-etdz&indicator=industrial_va_growth&from=2022-1x", 400, "bad-period")]
    [InlineData("api/targets?zone=lc-etdz&year=2022&asOf=soon", 400, "bad-period")]
    [InlineData("api/zones?lang=fr", 400, "bad-lang")]
    [InlineData("api/zones?continuationToken=garbage!", 400, "bad-continuation-token")]
    [InlineData("api/zones?pageSize=0", 400, "bad-page-size")]
    [InlineData("api/imports/no-such-import?code=test-function-key", 404, "unknown-import")]
    [InlineData("api/no-such-route", 404, "no-such-route")]
    [InlineData("api/publish", 405, "method-not-allowed")]
    public async Task Bad_requests_are_problem_json_with_a_bilingual_detail_and_no_stack_trace(string url, int status, string title)
    {
        var res = await Http.GetAsync(url);
        Assert.Equal(status, (int)res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
        Assert.Equal(title, body["title"]!.GetValue<string>());
        Assert.Equal(status, body["status"]!.GetValue<int>());
        var detail = body["detail"]!.GetValue<string>();
        Assert.Contains(" / ", detail);
        Assert.DoesNotContain("   at ", detail);
    }

    [Theory]
    [InlineData("api/recompute?period=2022-05")]
    [InlineData("api/publish")]
    public async Task Writes_are_refused_without_a_function_key_and_done_with_one(string url)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsync(url, null)).StatusCode);
        using (var wrong = new HttpRequestMessage(HttpMethod.Post, url) { Headers = { { "x-functions-key", "wrong" } } })
            Assert.Equal(HttpStatusCode.Unauthorized, (await Http.SendAsync(wrong)).StatusCode);
        using (var header = new HttpRequestMessage(HttpMethod.Post, url) { Headers = { { "x-functions-key", ApiFixture.FunctionKey } } })
            Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(header)).StatusCode);
        var sep = url.Contains('?') ? '&' : '?';
        Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"{url}{sep}code={ApiFixture.MasterKey}", null)).StatusCode);
    }

    [Fact]
    public async Task Every_write_function_needs_a_key_and_the_catalog_says_so()
    {
        var writes = FunctionCatalog.HttpFunctions().Where(f => f.Methods.Contains("POST")).ToList();
        Assert.NotEmpty(writes);
        foreach (var f in writes)
        {
            Assert.Equal(AuthorizationLevel.Function, f.AuthLevel);
            var res = await Http.PostAsync($"api/{f.Route}", new StringContent("x"));
            Assert.True(res.StatusCode == HttpStatusCode.Unauthorized, $"{f.Name}: {(int)res.StatusCode}");
            Assert.Equal("application/problem+json", res.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Ingest_refuses_a_body_over_the_limit_with_413_and_reports_a_malformed_file_with_422()
    {
        var big = new ByteArrayContent(new byte[ApiFixture.MaxFileBytes + 10]);
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "api/ingest?file=big.csv") { Content = big, Headers = { { "x-functions-key", ApiFixture.FunctionKey } } };
        var res = await Http.SendAsync(tooLarge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, res.StatusCode);
        Assert.Equal("too-large", JsonNode.Parse(await res.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());

        using var malformed = new HttpRequestMessage(HttpMethod.Post, "api/ingest?file=2022-06.json&dryRun=true")
        {
            Content = new StringContent("[{\"zone\": \"lc-etdz\", ", Encoding.UTF8, "application/json"),
            Headers = { { "x-functions-key", ApiFixture.FunctionKey } },
        };
        var bad = await Http.SendAsync(malformed);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal("ERROR", JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_timer_fires_on_demand_with_the_master_key_only()
    {
        var timer = Assert.Single(FunctionCatalog.TimerFunctions());
        using (var withFunctionKey = new HttpRequestMessage(HttpMethod.Post, $"admin/functions/{timer.Name}") { Headers = { { "x-functions-key", ApiFixture.FunctionKey } } })
            Assert.Equal(HttpStatusCode.Unauthorized, (await Http.SendAsync(withFunctionKey)).StatusCode);
        using var withMaster = new HttpRequestMessage(HttpMethod.Post, $"admin/functions/{timer.Name}") { Headers = { { "x-functions-key", ApiFixture.MasterKey } } };
        var res = await Http.SendAsync(withMaster);
        Assert.Equal(HttpStatusCode.Accepted, res.StatusCode);
        // Nothing waits in "incoming": the run imports nothing and the snapshot stays the latest one.
        var run = JsonNode.Parse(await res.Content.ReadAsStringAsync())!;
        Assert.Empty(run["imports"]!.AsArray());
        Assert.NotNull(run["snapshot"]);
    }

    [Fact]
    public async Task Cors_allows_configured_origins_only()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/zones")
        {
            Headers = { { "Origin", ApiFixture.Origin }, { "Access-Control-Request-Method", "GET" } },
        };
        var ok = await Http.SendAsync(preflight);
        Assert.Equal(ApiFixture.Origin, ok.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var get = new HttpRequestMessage(HttpMethod.Get, "api/zones") { Headers = { { "Origin", "https://screen.example" } } };
        var res = await Http.SendAsync(get);
        Assert.Equal("https://screen.example", res.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", res.Headers.GetValues("Access-Control-Expose-Headers").Single());

        using var other = new HttpRequestMessage(HttpMethod.Get, "api/zones") { Headers = { { "Origin", "https://evil.example" } } };
        Assert.False((await Http.SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Paging_walks_every_zone_once_with_the_continuation_token()
    {
        var all = (await GetAsync("api/zones?pageSize=1000")).Body!;
        var total = all["total"]!.GetValue<int>();
        Assert.True(total > 5);
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var (res, body) = await GetAsync(Url("api/zones", token is null ? [("pageSize", "5")] : [("pageSize", "5"), ("continuationToken", token)]));
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            seen.AddRange(body!["items"]!.AsArray().Select(z => z!["id"]!.GetValue<string>()));
            token = body["continuationToken"]?.GetValue<string>();
            pages++;
        } while (token is not null);
        Assert.Equal((total + 4) / 5, pages);
        Assert.Equal(all["items"]!.AsArray().Select(z => z!["id"]!.GetValue<string>()), seen);
    }

    [Fact]
    public async Task Lang_en_gives_english_names_and_zh_is_the_default()
    {
        var zh = (await GetAsync("api/zones/聊城经济技术开发区")).Body!["zone"]!;
        var en = (await GetAsync("api/zones/lc-etdz?lang=en")).Body!["zone"]!;
        Assert.Equal(zh["nameZh"]!.GetValue<string>(), zh["name"]!.GetValue<string>());
        Assert.Equal(en["nameEn"]!.GetValue<string>(), en["name"]!.GetValue<string>());
        Assert.NotEqual(zh["name"]!.GetValue<string>(), en["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_series_point_carries_its_import_id_and_source_file()
    {
        var body = (await GetAsync("api/series?zone=lc-etdz&indicator=industrial_va_growth")).Body!;
        var points = body["items"]!.AsArray();
        Assert.NotEmpty(points);
        Assert.All(points, p =>
        {
            Assert.Equal("lc-etdz", p!["zone"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(p["importId"]?.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(p["sourceFile"]?.GetValue<string>()));
        });
        var periods = points.Select(p => p!["period"]!.GetValue<string>()).ToList();
        Assert.Equal(periods.Order(StringComparer.Ordinal), periods);
    }
}
