using FunctionsZone.Host;
using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Api;

/// <summary>
/// The seeds run through the pipeline on Azurite, then fz serve's host started on a free port with the real worker
/// behind it, keys and CORS origins from configuration; tests talk to it over real HTTP. One host per test class.
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

    private TestHost _served = null!;
    public FunctionsHost Host => _served.Host;
    public HttpClient Http => _served.Http;
    /// <summary>What the host printed so far (worker logs with their level), for failure messages.</summary>
    public string Output => string.Join('\n', _served.Output);

    public async Task InitializeAsync()
    {
        await Storage.RunSeedsAsync();
        _served = await TestHost.StartAsync(Storage.Configuration);
    }

    public async Task DisposeAsync() => await _served.DisposeAsync();
}
