using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>What a client sees when storage is down: a 503 problem with Retry-After (issue 10 #8), never a stack trace.</summary>
public sealed class ServeFailureTests
{
    [Fact]
    public async Task Storage_that_cannot_be_reached_gives_a_503_problem_with_retry_after_and_no_stack_trace()
    {
        // A storage endpoint where nothing listens: every read fails inside the function.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var deadPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{deadPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{deadPort}/devstoreaccount1;",
            ["FunctionsZone:MasterKey"] = "k",
        }).Build();
        await using var served = await TestHost.StartAsync(config);

        var res = await served.Http.GetAsync("api/zones");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, res.StatusCode);
        Assert.NotNull(res.Headers.RetryAfter);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType!.MediaType);
        var text = await res.Content.ReadAsStringAsync();
        Assert.Equal("storage-unavailable", JsonNode.Parse(text)!["title"]!.GetValue<string>());
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain(deadPort.ToString(), text);
    }
}
