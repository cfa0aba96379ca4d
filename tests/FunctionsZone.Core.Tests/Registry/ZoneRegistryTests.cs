using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Tests.Registry;

public class ZoneRegistryTests
{
    [Fact]
    public void Zones_are_found_by_id_chinese_name_or_alias()
    {
        var r = TestRegistry.Create();
        Assert.Equal("a", r.FindZone("a")!.Id);
        Assert.Equal("a", r.FindZone("甲区")!.Id);
        Assert.Equal("a", r.FindZone("甲")!.Id);
        Assert.Equal("a", r.FindZone(" 甲区　")!.Id);
        Assert.Equal("fdi", r.FindIndicator("实际使用外资")!.Code);
        Assert.Equal("g", r.FindGroup("某市")!.Id);
        Assert.Null(r.FindZone("nowhere"));
    }

    [Fact]
    public void An_unknown_name_says_so_in_both_languages()
    {
        var e = Assert.Throws<LookupException>(() => TestRegistry.Create().Indicator("GDP"));
        Assert.Equal("unknown-indicator", e.Code);
        Assert.Contains("未知的指标", e.Message);
        Assert.Contains("Unknown indicator", e.Message);
    }

    [Fact]
    public void The_reference_unit_is_not_a_member_of_its_group()
    {
        var r = TestRegistry.Create();
        Assert.Equal(["a", "b", "c", "d"], r.Members(r.Group("g")).Select(z => z.Id));
    }

    [Fact]
    public void The_seed_registry_loads_and_resolves_the_speech_names()
    {
        var seeds = Path.Combine(RepoRoot(), "seeds");
        var r = RegistryFiles.LoadFolder(seeds);
        Assert.Equal("lc-etdz", r.Zone("聊城经济技术开发区").Id);
        Assert.Equal("zoucheng-edz", r.Zone("邹城经开区").Id);
        Assert.Equal(11, r.Members(r.Group("聊城市")).Count);
        Assert.Equal("fdi_utilised", r.Indicator("实际利用外资").Code);
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "FunctionsZone.sln"))) return d.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
