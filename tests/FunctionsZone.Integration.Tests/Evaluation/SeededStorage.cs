using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Evaluation;

/// <summary>One isolated storage with the seeds run through the whole pipeline, shared by a test class.</summary>
public sealed class SeededStorage : IAsyncLifetime
{
    public TestStorage Storage { get; } = new(TestStorage.WithWordBriefings());

    public async Task InitializeAsync() => await Storage.RunSeedsAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
