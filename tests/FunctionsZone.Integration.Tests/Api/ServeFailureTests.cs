using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FunctionsZone.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>What a client sees when storage fails inside the worker: a problem+json from the app, never a stack trace.</summary>
public sealed class ServeFailureTests
{
    [Fact]
    public async Task Storage_that_cannot_be_reached_gives_a_problem_without_a_stack_trace()
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
        var text = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable, $"{(int)res.StatusCode} {text}");
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType!.MediaType);
        Assert.Equal((int)res.StatusCode, JsonNode.Parse(text)!["status"]!.GetValue<int>());
        Assert.DoesNotContain("Exception", text);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain(deadPort.ToString(), text);
    }
}
