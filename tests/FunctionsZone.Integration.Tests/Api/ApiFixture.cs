using FunctionsZone.Cli.Serve;
using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>
/// The seeds run through the pipeline on Azurite, then `fz serve`'s host started in-process on a free port
/// with keys and a CORS origin from configuration; tests talk to it over real HTTP.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string FunctionKey = "test-function-key";
    public const string MasterKey = "test-master-key";
    public const string Origin = "https://portal.example";
    public const long MaxFileBytes = 64 * 1024;

    public TestStorage Storage { get; } = new(new Dictionary<string, string?>
    {
        ["FunctionsZone:FunctionKeys"] = $"other-key,{FunctionKey}",
        ["FunctionsZone:MasterKey"] = MasterKey,
        ["FunctionsZone:CorsOrigins"] = $"{Origin}, https://screen.example",
        ["FunctionsZone:MaxFileBytes"] = MaxFileBytes.ToString(),
        ["PipelineSchedule"] = "0 30 6 * * *",
    });

    public FunctionHost Host { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Storage.RunSeedsAsync();
        Host = new FunctionHost(Storage.Configuration, port: 0);
        Http = new HttpClient { BaseAddress = await Host.StartAsync() };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
