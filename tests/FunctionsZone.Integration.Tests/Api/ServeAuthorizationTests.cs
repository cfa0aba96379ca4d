using System.Net;
using FunctionsZone.Cli.Serve;
using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>Reads are anonymous unless configuration says otherwise; with no key configured fz serve makes one up.</summary>
public sealed class ServeAuthorizationTests
{
    [Fact]
    public async Task With_ReadAuthorization_function_reads_need_a_key_too()
    {
        var storage = new TestStorage(new Dictionary<string, string?>
        {
            ["FunctionsZone:ReadAuthorization"] = "function", ["FunctionsZone:FunctionKeys"] = "read-key",
        });
        await storage.RunSeedsAsync();
        await using var host = new FunctionHost(storage.Configuration, 0);
        using var http = new HttpClient { BaseAddress = await host.StartAsync() };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("api/zones")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/zones?code=read-key")).StatusCode);
    }

    [Fact]
    public async Task Without_configured_keys_writes_still_need_the_generated_master_key()
    {
        var storage = new TestStorage();
        await using var host = new FunctionHost(storage.Configuration, 0);
        using var http = new HttpClient { BaseAddress = await host.StartAsync() };
        Assert.False(string.IsNullOrEmpty(host.GeneratedKey));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("api/recompute?period=2022-05", null)).StatusCode);
        // The key is accepted: the request reaches the function (a bad period is the function's own answer).
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync($"api/recompute?period=bad&code={host.GeneratedKey}", null)).StatusCode);
    }
}
