using System.Net;
using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>With no key configured, fz serve's host makes up a master key for the run: writes still need a key.</summary>
public sealed class ServeAuthorizationTests
{
    [Fact]
    public async Task Without_configured_keys_writes_and_admin_routes_need_the_generated_master_key()
    {
        var storage = new TestStorage();
        await using var served = await TestHost.StartAsync(storage.Configuration);
        var key = served.Host.Keys.GeneratedMasterKey;
        Assert.False(string.IsNullOrEmpty(key));
        Assert.Equal(HttpStatusCode.Unauthorized, (await served.Http.PostAsync("api/recompute?period=2022-05", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await served.Http.PostAsync("admin/functions/MonthlyPipeline?code=wrong", null)).StatusCode);
        // The key is accepted: the request reaches the function (a bad period is the function's own answer).
        var accepted = await served.Http.PostAsync($"api/recompute?period=bad&code={key}", null);
        Assert.Equal(HttpStatusCode.BadRequest, accepted.StatusCode);
        Assert.Equal("application/problem+json", accepted.Content.Headers.ContentType!.MediaType);
    }
}
