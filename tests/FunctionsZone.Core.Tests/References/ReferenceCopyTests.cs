using FunctionsZone.Tests.References;

namespace FunctionsZone.Core.Tests.References;

/// <summary>
/// The repository carries the published reference cases (tests/reference) so a clone anywhere runs them; where the team's
/// ../shared/reference lies beside it, the copy must equal it file for file, byte for byte (never an edited expectation).
/// </summary>
public sealed class ReferenceCopyTests
{
    [Fact]
    public void The_repository_copy_of_the_reference_cases_equals_the_shared_one_where_it_exists()
    {
        var copy = Files(ReferenceCases.InRepository);
        Assert.NotEmpty(copy);
        Assert.All(Directory.GetDirectories(ReferenceCases.InRepository), d => Assert.True(File.Exists(Path.Combine(d, "SOURCE.md")), $"{d} has no SOURCE.md"));
        if (ReferenceCases.Shared is not { } shared) return;
        var published = Files(shared);
        Assert.Equal(published.Keys.Order(StringComparer.Ordinal), copy.Keys.Order(StringComparer.Ordinal));
        Assert.All(published, p => Assert.True(p.Value.SequenceEqual(copy[p.Key]), $"tests/reference/{p.Key} differs from ../shared/reference/{p.Key}"));
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes);
}
