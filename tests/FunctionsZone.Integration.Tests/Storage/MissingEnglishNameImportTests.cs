using System.Text;
using System.Text.Json.Nodes;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.References;
using Xunit;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.Storage;

/// <summary>
/// Issue 32 item 2 through the pipeline on Azurite: a registry entry or a milestone target without an English name is
/// imported and reported as a missing-english-name warning naming it — never silently shown in Chinese.
/// </summary>
public sealed class MissingEnglishNameImportTests
{
    [Fact]
    public async Task A_zone_without_an_english_name_is_imported_and_reported()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var zones = JsonNode.Parse(File.ReadAllText(Path.Combine(Azurite.RepoRoot, "seeds", "zones.json")))!.AsArray();
        var linqing = zones.Single(z => z!["id"]!.GetValue<string>() == "linqing")!;
        linqing["nameEn"] = "";
        var summary = await pipeline.IngestAsync(new InputFile("zones.json", Encoding.UTF8.GetBytes(zones.ToJsonString())), new IngestOptions());

        Assert.Equal(ImportStatus.Warning, summary.Status);
        var finding = Assert.Single(summary.Findings);
        Assert.Equal((MissingEnglishName.Code, Severity.Warning, "linqing"), (finding.Code, finding.Severity, finding.Zone));
        Assert.Contains("临清市", finding.Message);
        var registry = await storage.Get<TableReferenceStore>().LoadRegistryAsync();
        Assert.Equal("", registry.FindZone("linqing")!.NameEn);
    }

    [Fact]
    public async Task A_milestone_target_without_an_english_name_is_imported_and_reported()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var csv = "zone,indicator,year,kind,target,unit,source,nameZh\nlc-etdz,guaibao_listing,2022,milestone,1,,speech,乖宝集团年底前上市\n";
        var summary = await pipeline.IngestAsync(new InputFile("targets.csv", Encoding.UTF8.GetBytes(csv)), new IngestOptions());

        Assert.Equal(ImportStatus.Warning, summary.Status);
        var finding = Assert.Single(summary.Findings);
        Assert.Equal((MissingEnglishName.Code, Severity.Warning, 2), (finding.Code, finding.Severity, finding.Rows.Single()));
        Assert.Contains("乖宝集团年底前上市", finding.Message);
    }
}
