using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsZone.Host.Metadata;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>The query API's contract over real HTTP against fz serve's host, the real worker behind it, and Azurite.</summary>
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

    /// <summary>
    /// curl sends 中文 in a query string as raw UTF-8 bytes; the Functions host refuses such a request line with 400,
    /// and so does fz serve (docs/api.md: use curl -G --data-urlencode). Percent-encoded, the same query is answered.
    /// </summary>
    [Fact]
    public async Task A_query_with_raw_utf8_bytes_is_refused_with_400_as_the_host_does_and_answered_when_encoded()
    {
        static async Task<string> Send(Uri server, string target)
        {
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(server.Host, server.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.UTF8.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            return await new StreamReader(stream, Encoding.UTF8).ReadToEndAsync();
        }
        Assert.StartsWith("HTTP/1.1 400", await Send(Http.BaseAddress!, "/api/rankings?period=2022-05&indicator=规上工业增加值增速&group=聊城市"));
        var encoded = await Send(Http.BaseAddress!, "/" + Url("api/rankings", ("period", "2022-05"), ("indicator", "规上工业增加值增速"), ("group", "聊城市")));
        Assert.StartsWith("HTTP/1.1 200", encoded);
        Assert.Contains("\"group\":\"liaocheng-city\"", encoded);
    }

    /// <summary>Every GET function, requested with its required parameters' examples from docs/openapi.json: 200, an ETag, and 304 on it.</summary>
    [Fact]
    public async Task Every_documented_read_answers_200_with_an_etag_and_304_when_it_matches()
    {
        var doc = JsonNode.Parse(File.ReadAllText(Path.Combine(Infrastructure.Azurite.RepoRoot, "docs/openapi.json")))!;
        // Import summaries and history need a function key (they quote files and name imports); the other reads do not.
        var importId = (await GetAsync("api/imports?pageSize=1", key: ApiFixture.FunctionKey)).Body!["items"]![0]!["importId"]!.GetValue<string>();
        var reads = api.Host.Metadata.HttpFunctions.Where(f => f.Methods.Contains("GET")).ToList();
        Assert.True(reads.Count >= 9);
        foreach (var f in reads)
        {
            var path = api.Host.Metadata.PathOf(f);
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
            var key = f.AuthLevel == FunctionsZone.Host.Metadata.AuthLevel.Anonymous ? null : ApiFixture.FunctionKey;
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
    public async Task Every_write_function_needs_a_key_as_functions_metadata_says_and_is_refused_with_an_empty_401()
    {
        var writes = api.Host.Metadata.HttpFunctions.Where(f => f.Methods.Contains("POST")).ToList();
        Assert.NotEmpty(writes);
        foreach (var f in writes)
        {
            Assert.Equal(AuthLevel.Function, f.AuthLevel);
            var res = await Http.PostAsync(api.Host.Metadata.PathOf(f).TrimStart('/'), new StringContent("x"));
            Assert.True(res.StatusCode == HttpStatusCode.Unauthorized, $"{f.Name}: {(int)res.StatusCode}");
            Assert.Empty(await res.Content.ReadAsByteArrayAsync());
        }
    }

    /// <summary>As the Functions host: what no function serves is an empty 404 — unknown path, wrong method, HEAD, OPTIONS without CORS.</summary>
    [Theory]
    [InlineData("GET", "api/no-such-route")]
    [InlineData("GET", "api/publish")]
    [InlineData("POST", "api/zones")]
    [InlineData("HEAD", "api/zones")]
    [InlineData("DELETE", "api/zones/lc-etdz")]
    [InlineData("GET", "admin/functions/MonthlyPipeline")]
    public async Task What_no_function_serves_is_an_empty_404(string method, string url)
    {
        using var req = new HttpRequestMessage(new HttpMethod(method), url) { Headers = { { "x-functions-key", ApiFixture.MasterKey } } };
        var res = await Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        Assert.Empty(await res.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Routes_match_without_regard_to_case_or_a_trailing_slash()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("API/Zones/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("api/zones/LC-ETDZ")).StatusCode);
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

    /// <summary>POST /admin/functions/{name}: the master key only (a function key is 403, as the host answers), 202 with no body (the run goes on), 404 for no such function.</summary>
    [Fact]
    public async Task The_admin_route_fires_the_timer_with_the_master_key_only_and_answers_202_without_a_body()
    {
        var timer = Assert.Single(api.Host.Metadata.TimerFunctions);
        using (var withFunctionKey = new HttpRequestMessage(HttpMethod.Post, $"admin/functions/{timer.Name}") { Headers = { { "x-functions-key", ApiFixture.FunctionKey } } })
        {
            var refused = await Http.SendAsync(withFunctionKey);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Empty(await refused.Content.ReadAsByteArrayAsync());
        }
        using (var unknown = new HttpRequestMessage(HttpMethod.Post, "admin/functions/NoSuchFunction") { Headers = { { "x-functions-key", ApiFixture.MasterKey } } })
            Assert.Equal(HttpStatusCode.NotFound, (await Http.SendAsync(unknown)).StatusCode);
        using var withMaster = new HttpRequestMessage(HttpMethod.Post, $"admin/functions/{timer.Name}") { Headers = { { "x-functions-key", ApiFixture.MasterKey } } };
        var res = await Http.SendAsync(withMaster);
        Assert.Equal(HttpStatusCode.Accepted, res.StatusCode);
        Assert.Empty(await res.Content.ReadAsByteArrayAsync());
    }

    /// <summary>CORS is the host's (the platform's on Azure): listed origins only, for preflights and plain requests alike.</summary>
    [Fact]
    public async Task Cors_allows_configured_origins_only_for_preflights_and_plain_requests()
    {
        async Task<HttpResponseMessage> Preflight(string origin, string method)
        {
            using var req = new HttpRequestMessage(HttpMethod.Options, "api/publish")
            {
                Headers = { { "Origin", origin }, { "Access-Control-Request-Method", method }, { "Access-Control-Request-Headers", "x-functions-key" } },
            };
            return await Http.SendAsync(req);
        }
        var ok = await Preflight(ApiFixture.Origin, "POST");
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(ApiFixture.Origin, ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", ok.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Contains("x-functions-key", ok.Headers.GetValues("Access-Control-Allow-Headers").Single());
        var unlisted = await Preflight("https://evil.example", "POST");
        Assert.False(unlisted.Headers.Contains("Access-Control-Allow-Origin"));

        using var get = new HttpRequestMessage(HttpMethod.Get, "api/zones") { Headers = { { "Origin", "https://screen.example" } } };
        var res = await Http.SendAsync(get);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("https://screen.example", res.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var other = new HttpRequestMessage(HttpMethod.Get, "api/zones") { Headers = { { "Origin", "https://evil.example" } } };
        var otherRes = await Http.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, otherRes.StatusCode);
        Assert.False(otherRes.Headers.Contains("Access-Control-Allow-Origin"));
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
