using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Tests.Ingest;

namespace FunctionsZone.Core.Tests.Registry;

/// <summary>
/// Issue 30 item 6: a name or alias that resolves to two zones (groups, indicators) refuses the registry file, naming
/// both entries; the import (IngestRegistryFileAsync) refuses an InvalidDataException and stores nothing.
/// </summary>
public sealed class RegistryAmbiguityTests
{
    private static string Corpus(string file) => File.ReadAllText(Path.Combine(Repo.Root, "tests", "FunctionsZone.Core.Tests", "Corpus", "issue30", file));

    [Fact]
    public void One_alias_on_two_zones_or_an_alias_equal_to_another_zones_name_is_refused_naming_both()
    {
        var e = Assert.Throws<InvalidDataException>(() => RegistryFiles.ReadZones(Corpus("zones-colliding-aliases.json")));
        var findings = Assert.IsType<AmbiguousNameException>(e.InnerException).Findings;
        Assert.Equal(2, findings.Count);
        // 经开区 on 南京 (item 1) and 江宁 (item 2).
        Assert.Equal(("ambiguous-name", 2), (findings[0].Code, findings[0].Row!.Value));
        Assert.Contains("「jn-etdz」", findings[0].MessageZh);
        Assert.Contains("「nj-etdz」", findings[0].MessageZh);
        Assert.Contains("经开区", findings[0].MessageEn);
        // The new zone's alias is 南京经济技术开发区, the existing zone's 中文名.
        Assert.Equal(3, findings[1].Row);
        Assert.Contains("'nj-etdz-south'", findings[1].MessageEn);
        Assert.Contains("'nj-etdz'", findings[1].MessageEn);
        Assert.Contains("南京经济技术开发区", e.Message);
    }

    [Fact]
    public void Names_that_differ_only_in_spaces_or_bracket_width_are_one_name()
    {
        var json = """[{ "code": "a", "nameZh": "实际使用外资（美元）", "unit": "万美元" }, { "code": "b", "nameZh": "b", "unit": "万美元", "aliases": ["实际使用外资 (美元)"] }]""";
        var e = Assert.Throws<InvalidDataException>(() => RegistryFiles.ReadIndicators(json));
        Assert.Contains("'b'", e.Message);
        var groups = """[{ "id": "g1", "nameZh": "某市" }, { "id": "g2", "nameZh": "G1" }]""";
        Assert.Throws<InvalidDataException>(() => RegistryFiles.ReadGroups(groups)); // an id is a name too, in any case
    }

    [Fact]
    public void The_seed_registry_and_a_zone_named_like_itself_are_fine()
    {
        var seeds = RegistryFiles.LoadFolder(Repo.Seeds);
        Assert.NotEmpty(seeds.Zones);
        var json = """[{ "id": "a", "nameZh": "甲区", "nameAliases": ["甲区", "甲"] }]""";
        Assert.Single(RegistryFiles.ReadZones(json));
        Assert.Equal(9, RegistryFiles.ReadZones(Corpus("jiangsu-zones.json")).Count);
    }
}
