using System.Text;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>
/// Issue 30 item 4: a ratio of two stored indicators (城镇化率 = 城镇常住人口 ÷ 常住人口 × 100) is computed by the run
/// and published like 亩均, in the period's observations and rankings; a definition that cannot be computed refuses
/// indicators.json with a finding naming it, and the registry stays as it was.
/// </summary>
public sealed class RatioIndicatorTests
{
    private static InputFile Seed(string name) => new(name, System.IO.File.ReadAllBytes(Path.Combine(TestStorage.SeedsFolder, name)));
    private static InputFile File(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    private static string Indicators(string urbanisationFormula)
    {
        var seeds = System.IO.File.ReadAllText(Path.Combine(TestStorage.SeedsFolder, "indicators.json")).TrimEnd();
        return seeds[..seeds.LastIndexOf(']')].TrimEnd() + """
            ,
              { "code": "urban_population", "nameZh": "城镇常住人口", "nameEn": "Urban resident population", "unit": "万人", "kind": "stock" },
              { "code": "resident_population", "nameZh": "常住人口", "nameEn": "Resident population", "unit": "人", "kind": "stock" },
              { "code": "urbanisation_rate", "nameZh": "常住人口城镇化率", "nameEn": "Urbanisation rate", "unit": "%", "kind": "share",
                "derived": 
            """ + urbanisationFormula + " }\n]";
    }

    // Illustrative figures (not any county's): 48.6 万人 of 720000 人 and 30.2 万人 of 520000 人.
    private const string Figures = """
        zone,indicator,period,value,unit,yoy,source
        dongchangfu,urban_population,2022,48.6,万人,,illustrative
        dongchangfu,resident_population,2022,720000,人,,illustrative
        linqing,urban_population,2022,30.2,万人,,illustrative
        linqing,resident_population,2022,520000,人,,illustrative
        """;

    [Fact]
    public async Task A_ratio_indicator_is_computed_by_the_run_and_published_with_its_ranking()
    {
        var s = new TestStorage();
        var run = await s.Pipeline().RunAsync(
            [Seed("zones.json"), Seed("groups.json"), File("indicators.json", Indicators("""{ "numerator": "urban_population", "denominator": "resident_population" }""")),
             File("人口.csv", Figures)], new IngestOptions());
        Assert.All(run.Imports, i => Assert.NotEqual(ImportStatus.Error, i.Status));

        var reader = s.Get<SnapshotReader>();
        var latest = await reader.LatestAsync();
        // 48.6 万人 = 486000 人; 486000 ÷ 720000 × 100 = 67.5. 302000 ÷ 520000 × 100 = 58.0769… → 58.08.
        var dongchangfu = await reader.ObservationAsync(latest, "dongchangfu", "urbanisation_rate", Period.Parse("2022"));
        Assert.Equal(67.5m, dongchangfu?.Value);
        Assert.StartsWith("derived:", dongchangfu!.Source);
        Assert.Equal(58.08m, (await reader.ObservationAsync(latest, "linqing", "urbanisation_rate", Period.Parse("2022")))?.Value);
        var ranking = await reader.RankingAsync("2022", "urbanisation_rate", "liaocheng-city", Measure.Level);
        Assert.Equal([("dongchangfu", 1), ("linqing", 2)], ranking.Entries.Where(e => e.Rank is not null).Select(e => (e.Zone, e.Rank!.Value)));
        Assert.Equal("derived", ranking.Entries.First(e => e.Zone == "dongchangfu").Basis);

        // A ratio of a ratio cannot be computed: the file is refused naming the indicator, and the ratio above stays.
        var refused = await s.Pipeline().IngestAsync(File("indicators.json", Indicators("""{ "numerator": "tax_per_mu", "denominator": "resident_population" }""")), new IngestOptions());
        Assert.Equal(ImportStatus.Error, refused.Status);
        var finding = Assert.Single(refused.Findings, f => f.Code == "derived-formula");
        Assert.Contains("urbanisation_rate", finding.Message);
        Assert.Contains("tax_per_mu", finding.Message);
        var registry = await s.Get<IReferenceStore>().LoadRegistryAsync();
        Assert.Equal("urban_population", registry.Indicators.Single(i => i.Code == "urbanisation_rate").Derived!.Numerator);
    }
}
