using System.Text;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests;

/// <summary>validation-rules.json is input like the registry: fz run stores it, and a new copy changes the checks.</summary>
public class ValidationRulesStorageTests
{
    [Fact]
    public async Task The_seeds_run_clean_and_an_imported_rules_file_replaces_the_built_in_rules()
    {
        var storage = new TestStorage();
        var run = await storage.RunSeedsAsync();
        // projects.csv and enterprises.csv are not pipeline input (a warning each); everything else passes every rule.
        Assert.All(run.Imports.Where(s => s.Kind != "ignored"), s => Assert.True(s.Status == ImportStatus.Success, $"{s.File}: {s.Status} {string.Join("; ", s.Findings.Select(f => f.Message))}"));
        var rules = Assert.Single(run.Imports, s => s.Kind == "validationrules");
        Assert.Equal(1, rules.Counts.Imported);

        var pipeline = storage.Pipeline();
        var share = new InputFile("s.csv", Encoding.UTF8.GetBytes("zone,indicator,period,value\nlc-etdz,private_investment_share,2022-06,99.5\n"));
        Assert.Equal(ImportStatus.Success, (await pipeline.IngestAsync(share, new IngestOptions { DryRun = true })).Status);

        // A stricter copy: shares at most 90.
        var text = File.ReadAllText(Path.Combine(TestStorage.SeedsFolder, "validation-rules.json")).Replace("\"max\": 100", "\"max\": 90");
        var stricter = await pipeline.IngestAsync(new InputFile("validation-rules.json", Encoding.UTF8.GetBytes(text)), new IngestOptions());
        Assert.Equal(new ImportCounts(0, 1, 0, 0), stricter.Counts);
        var refused = await pipeline.IngestAsync(share, new IngestOptions { DryRun = true });
        Assert.Equal("range-above-max", Assert.Single(refused.Findings).Code);

        // A malformed rules file is refused and the stored rules stay.
        var bad = await pipeline.IngestAsync(new InputFile("validation-rules.json", Encoding.UTF8.GetBytes("{\"outliers\": {\"threshold\": -1}}")), new IngestOptions());
        Assert.Equal(ImportStatus.Error, bad.Status);
        Assert.Equal("malformed-rules", Assert.Single(bad.Findings).Code);
        Assert.Equal(90m, (await pipeline.LoadValidationRulesAsync()).Ranges.Single(r => r.Id == "share-0-100").Max);
    }
}
