using System.Text.RegularExpressions;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Tests.Ingest;

namespace FunctionsZone.Core.Tests.Snapshots;

/// <summary>
/// A snapshot path is named in one place: SnapshotLayout for C#, web/src/paths.ts for the portal, and the two agree.
/// </summary>
public sealed partial class SnapshotPathCatalogueTests
{
    // A logical file of a version written as a literal: a period folder, a registry file, the ranks, manifest or latest.
    [GeneratedRegex("""periods/|registry/(zones|groups|indicators|schemes)\.json|official-ranks\.json|["'`]manifest\.json|["'`]latest\.json""")]
    private static partial Regex PathLiteral();

    [Fact]
    public void No_snapshot_path_literal_stands_outside_the_catalogue()
    {
        var offenders = SourceLines("src", "*.cs", "SnapshotLayout.cs")
            .Concat(SourceLines(Path.Combine("web", "src"), "*.ts", "paths.ts"))
            .Where(l => PathLiteral().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(offenders.Count == 0, "snapshot paths written outside SnapshotLayout / web/src/paths.ts:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_portal_catalogue_names_the_same_files_as_SnapshotLayout()
    {
        var ts = File.ReadAllText(Path.Combine(Repo.Root, "web", "src", "paths.ts"));
        string Entry(string name)
        {
            var m = Regex.Match(ts, $@"\b{name}: (?:\([^)]*\) => )?['`]([^'`]+)['`]");
            Assert.True(m.Success, $"paths.ts has no entry '{name}'");
            return m.Groups[1].Value.Replace("${period}", "2022-05").Replace("${zone}", "lc-etdz");
        }
        Assert.Equal(SnapshotLayout.Latest, Entry("latest"));
        Assert.Equal(SnapshotLayout.Zones, Entry("zones"));
        Assert.Equal(SnapshotLayout.Groups, Entry("groups"));
        Assert.Equal(SnapshotLayout.Indicators, Entry("indicators"));
        Assert.Equal(SnapshotLayout.Schemes, Entry("schemes"));
        Assert.Equal(SnapshotLayout.OfficialRanks, Entry("officialRanks"));
        Assert.Equal(SnapshotLayout.Rankings("2022-05"), Entry("rankings"));
        Assert.Equal(SnapshotLayout.Targets("2022-05"), Entry("targets"));
        Assert.Equal(SnapshotLayout.Observations("2022-05"), Entry("observations"));
        Assert.Equal(SnapshotLayout.Composite("2022-05"), Entry("composite"));
        Assert.Equal(SnapshotLayout.Benchmarks("2022-05"), Entry("benchmarks"));
        Assert.Equal(SnapshotLayout.PerMu("2022-05"), Entry("perMu"));
        Assert.Equal(SnapshotLayout.ZonePage("2022-05", "lc-etdz"), Entry("zonePage"));
        Assert.Equal(SnapshotLayout.BriefingDocx("2022-05", "lc-etdz"), Entry("briefingDocx"));
    }

    private static IEnumerable<(string File, int Line, string Text)> SourceLines(string folder, string pattern, string catalogue) =>
        Directory.EnumerateFiles(Path.Combine(Repo.Root, folder), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains("node_modules") && Path.GetFileName(f) != catalogue)
            .SelectMany(f => File.ReadLines(f).Select((text, i) => (File: Path.GetRelativePath(Repo.Root, f), Line: i + 1, Text: text)))
            // Comments may name a path to explain it; code may not spell one.
            .Where(l => !IsComment(l.Text));

    private static bool IsComment(string line)
    {
        var t = line.TrimStart();
        return t.StartsWith("//", StringComparison.Ordinal) || t.StartsWith("*", StringComparison.Ordinal) || t.StartsWith("/*", StringComparison.Ordinal);
    }
}
