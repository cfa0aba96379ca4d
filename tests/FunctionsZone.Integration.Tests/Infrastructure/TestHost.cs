using System.Collections.Concurrent;
using FunctionsZone.Host;
using Microsoft.Extensions.Configuration;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>
/// fz serve's host with the real worker behind it, on a free port, for one test class: the worker is the built
/// FunctionsZone.Functions app in its own process. What the host printed is kept for failure messages.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();

    private TestHost() { }

    public FunctionsHost Host { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public IReadOnlyList<string> Output => [.. _lines];

    public static async Task<TestHost> StartAsync(IConfiguration appSettings)
    {
        var test = new TestHost();
        test.Host = await FunctionsHost.StartAsync(appSettings, new FunctionsHostOptions { Port = 0, Output = test._lines.Enqueue });
        test.Http = new HttpClient { BaseAddress = test.Host.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        return test;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
    }
}
