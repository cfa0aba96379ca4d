using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Targets;
using FunctionsZone.Core.Tests.Evaluation;

namespace FunctionsZone.Core.Tests.Ingest;

/// <summary>
/// Issue 32 item 2: a target with no English name is reported by the import (a warning; it still imports), carries its
/// nameEn when the file gives one (a count target's whole-number monthly need: TargetTruthTests).
/// </summary>
public sealed class MissingEnglishNameTests
{
    private const string Header = "zone,indicator,year,kind,target,unit,source,nameZh,nameEn\n";

    [Fact]
    public void A_milestone_without_an_english_name_is_a_missing_english_name_warning_naming_its_row()
    {
        var findings = new List<Finding>();
        var targets = ReferenceFileReader.ReadTargets(new FunctionsZone.Formats.CsvTableReader(), Header +
            "lc-etdz,manufacturing_revenue,2022,cumulative,310,亿元,speech,,\n" +
            "lc-etdz,guaibao_listing,2022,milestone,1,,speech,乖宝集团年底前上市,\n", SeedData.Registry, findings);
        Assert.Equal(2, targets.Count);
        var f = Assert.Single(findings);
        Assert.Equal((MissingEnglishName.Code, Severity.Warning, 3, "nameEn"), (f.Code, f.Severity, f.Row, f.Column));
        Assert.Contains("乖宝集团年底前上市", f.MessageZh);
        Assert.Contains("no English name", f.MessageEn);
    }

    [Fact]
    public void A_target_with_an_english_name_carries_it_to_its_progress()
    {
        var findings = new List<Finding>();
        var targets = ReferenceFileReader.ReadTargets(new FunctionsZone.Formats.CsvTableReader(), Header +
            "lc-etdz,guaibao_listing,2022,milestone,1,,speech,乖宝集团年底前上市,Guaibao Group listed by year-end\n", SeedData.Registry, findings);
        Assert.Empty(findings);
        var p = new TargetCalculator(SeedData.Registry, SeedData.Observations).Compute(targets[0], Period.OfMonth(2022, 5));
        Assert.Equal("Guaibao Group listed by year-end", p.NameEn);
    }
}
