using System.Xml.Linq;

namespace FunctionsZone.Core.Tests.Architecture;

/// <summary>
/// Core is the domain: its project file names no package but CsvHelper, for the observation grid still to move into
/// FunctionsZone.Formats (issue 33; .xlsx and header-keyed CSV are there already). Word, charts and fonts are FunctionsZone.Rendering's; a package added to Core fails here.
/// </summary>
public sealed class CorePackageTests
{
    /// <summary>Shrinks to nothing when Grid.FromCsv and InputFile's header look leave Core (then Core_compiles_on_the_framework_alone holds too).</summary>
    private static readonly string[] StillAllowed = ["CsvHelper"];

    [Fact]
    public void Core_project_references_no_package_beyond_the_file_readers()
    {
        var project = XDocument.Load(Path.Combine(NamespaceGraph.RepoRoot(), "src", "FunctionsZone.Core", "FunctionsZone.Core.csproj"));
        var packages = project.Descendants().Where(e => e.Name.LocalName == "PackageReference")
            .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? "").ToList();
        var others = packages.Except(StillAllowed).ToList();
        Assert.True(others.Count == 0, "FunctionsZone.Core.csproj references packages: " + string.Join(", ", others));
    }

    [Fact]
    public void Core_outside_the_file_readers_compiles_on_the_framework_alone()
    {
        // Every error of Core's sources compiled without packages is a CsvHelper name in Ingest/Grid.cs. CS8795
        // is a [GeneratedRegex] method, whose body the framework's source generator writes (not run here).
        var errors = NamespaceGraph.OfCore().Errors
            .Where(e => !e.Contains("CS8795") && !e.Contains("CsvHelper") && !e.Contains("CsvReader") && !e.Contains("CsvConfiguration")
                        && !e.Contains("CsvParser") && !e.Contains("TrimOptions")).ToList();
        Assert.True(errors.Count == 0, "Core's sources need more than the framework:\n" + string.Join("\n", errors.Take(10)));
    }
}
