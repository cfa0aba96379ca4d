using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Evaluation;

/// <summary>The Monte Carlo is seeded, so composites are the same on every run and an unchanged month publishes nothing new.</summary>
public sealed class CompositeSnapshotTests
{
    [Fact]
    public async Task A_second_run_of_the_same_seeds_publishes_nothing_new()
    {
        var s = new TestStorage();
        var first = await s.RunSeedsAsync();
        var files = await Files(s);
        Assert.Contains("periods/2021/composite.json", files);
        Assert.Contains("periods/2022-05/composite.json", files);
        Assert.Contains("periods/2021/benchmarks.json", files);
        var second = await s.RunSeedsAsync();
        Assert.Equal(first.Snapshot!.Version, second.Snapshot!.Version);
        Assert.Equal(first.Snapshot.ContentHash, second.Snapshot.ContentHash);
    }

    private static async Task<IReadOnlyList<string>> Files(TestStorage s)
    {
        var reader = s.Cli.Reader();
        var manifest = await reader.ReadAsync<Core.Snapshots.SnapshotManifest>(await reader.LatestAsync(), "manifest.json");
        return manifest?.Files.Select(f => f.Path).ToList() ?? [];
    }
}
