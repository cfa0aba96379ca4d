using System.Text;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Reading;
using FunctionsZone.Core.Tests.Ingest;

namespace FunctionsZone.Core.Tests.Pipeline;

/// <summary>
/// An import changes what is published on the next run, whatever its kind (issue 31, items 5, 6 and 14): the periods it
/// makes stale are recomputed, and a registry import counts what it changed. Pipeline logic, on storage in memory.
/// </summary>
public sealed class ImportReachTests
{
    private static InputFile File(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task A_projects_correction_is_in_the_next_published_target()
    {
        var s = await MemoryPipeline.SeededAsync();
        var reader = s.Reader();
        async Task<int> Undated() => (await reader.TargetsAsync("lc-etdz", 2022, "2022-05")).Single(t => t.Indicator == "projects_10yi").UndatedProjects!.Count;
        Assert.Equal(4, await Undated());

        // The bureau corrects 百思特游艇's total investment to 5 亿元: it is no longer a 10亿元以上 project.
        var text = System.IO.File.ReadAllText(Path.Combine(Repo.Seeds, "projects.csv"))
            .Replace("baisite-yacht,lc-etdz,百思特高端游艇研发制造项目,20,", "baisite-yacht,lc-etdz,百思特高端游艇研发制造项目,5,");
        var run = await s.Pipeline().RunAsync([File("projects.csv", text)], new IngestOptions());
        Assert.Equal(ImportStatus.Success, run.Imports.Single().Status);
        Assert.NotEmpty(run.Recomputed);
        Assert.Equal(3, await Undated());
    }

    [Fact]
    public async Task A_new_scheme_version_is_what_the_next_composite_evaluates()
    {
        var s = MemoryPipeline.Storage();
        var folder = Path.Combine(Repo.Seeds, "examples", "own-scheme");
        await s.Pipeline().RunAsync(InputFile.FromFolder(folder), new IngestOptions());
        var reader = new EvaluationReader(s.Reader());
        Assert.Equal(1, (await reader.CompositeAsync("my-parks-2023", "2023")).SchemeVersion);

        var text = System.IO.File.ReadAllText(Path.Combine(folder, "2023考核办法.json"))
            .Replace("\"weight\": 50, \"indicators\": [ { \"indicator\": \"park_output\" } ]", "\"weight\": 80, \"indicators\": [ { \"indicator\": \"park_output\" } ]");
        var run = await s.Pipeline().RunAsync([File("考核办法-修订.json", text)], new IngestOptions());
        Assert.Equal(1, run.Imports.Single().Counts.Updated);
        // schemes.json and composite.json of one snapshot name the same version.
        var composite = await reader.CompositeAsync("my-parks-2023", "2023");
        Assert.Equal(2, composite.SchemeVersion);
        Assert.Equal(80, composite.Definition.Categories[0].Weight);
    }

    [Fact]
    public async Task A_registry_import_counts_the_zone_it_adds_not_every_zone()
    {
        var s = await MemoryPipeline.SeededAsync();
        var zones = System.IO.File.ReadAllText(Path.Combine(Repo.Seeds, "zones.json")).TrimEnd();
        var count = System.Text.Json.JsonDocument.Parse(zones).RootElement.GetArrayLength();
        const string newPark = "{ \"id\": \"new-park\", \"nameZh\": \"新设园区\", \"nameEn\": \"New Park\", \"level\": \"county\", \"province\": \"山东省\", "
            + "\"city\": \"聊城市\", \"parent\": \"liaocheng\", \"groups\": [], \"landAreaMu\": {}, \"illustrative\": [], \"nameAliases\": [] }";
        var added = zones[..zones.LastIndexOf(']')].TrimEnd() + ",\n" + newPark + "\n]";
        var summary = await s.Pipeline().IngestAsync(File("zones.json", added), new IngestOptions());
        Assert.True(summary.Status != ImportStatus.Error, string.Join("; ", summary.Findings.Select(f => f.Message)));
        Assert.Equal(new ImportCounts(1, 0, count, 0), summary.Counts);
    }
}
