using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Targets;

namespace FunctionsZone.Core.Tests.Targets;

/// <summary>
/// Issue 32 item 2: a project is a proper name English views print. projects.csv's nameEn is used; a project without one
/// is reported as missing-english-name (a warning: it still imports) and shown as the Chinese with the marker.
/// </summary>
public sealed class ProjectNameTests
{
    private const string Csv = "id,zone,nameZh,totalInvestment,unit,nameEn\n" +
                               "yacht,lc-etdz,百思特高端游艇研发制造项目,20,亿元,Baisite yacht project\n" +
                               "park,lc-etdz,新材料产业园项目,10,亿元,\n";

    [Fact]
    public void A_project_without_an_english_name_is_reported_and_marked_in_english()
    {
        var findings = new List<Finding>();
        var projects = ProjectRegistry.Read(new FunctionsZone.Formats.CsvTableReader(), Csv, null, findings);
        Assert.Equal(2, projects.Count);
        var reported = Assert.Single(findings);
        Assert.Equal((MissingEnglishName.Code, Severity.Warning, 3), (reported.Code, reported.Severity, reported.Row!.Value));
        Assert.Contains("新材料产业园项目", reported.MessageEn);

        var registry = new ProjectRegistry(projects);
        Assert.Equal(["百思特高端游艇研发制造项目（20亿元）", "新材料产业园项目（10亿元）"], registry.UndatedOf("lc-etdz", "projects_10yi"));
        Assert.Equal(["Baisite yacht project (2.0 billion yuan)", $"新材料产业园项目{UnitCatalogue.MissingEnglishMarker} (1.0 billion yuan)"],
            registry.UndatedOf("lc-etdz", "projects_10yi", "en"));
    }
}
