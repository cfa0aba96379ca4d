using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Tests.Domain;

/// <summary>Issue 31 #3: the one rule for identifiers that become table keys.</summary>
public sealed class StorageKeyTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\\b")]
    [InlineData("a|b")]
    [InlineData("a\u0000b")]
    [InlineData("a\u001Fb")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u009Fb")]
    [InlineData("")]
    [InlineData("  ")]
    public void Characters_the_table_service_refuses_are_refused(string id) => Assert.NotNull(StorageKey.Problem(id));

    [Fact]
    public void The_length_is_bounded_so_joined_keys_stay_within_1_KiB()
    {
        Assert.Null(StorageKey.Problem(new string('x', StorageKey.MaxLength)));
        Assert.NotNull(StorageKey.Problem(new string('x', StorageKey.MaxLength + 1)));
        // Two identifiers and a period joined as a history key, in UTF-16.
        Assert.True((2 * StorageKey.MaxLength + "|2022-05|".Length) * 2 <= 1024);
    }

    [Fact]
    public void Every_seed_identifier_is_a_valid_key()
    {
        var registry = FunctionsZone.Core.Tests.Evaluation.SeedData.Registry;
        foreach (var id in registry.Zones.Select(z => z.Id).Concat(registry.Groups.Select(g => g.Id)).Concat(registry.Indicators.Select(i => i.Code)).Append("聊城经开区"))
            Assert.Null(StorageKey.Problem(id));
    }

    [Fact]
    public void A_finding_names_the_row_and_quotes_the_id_escaped()
    {
        var f = StorageKey.CheckRow("a\nb", 7, "id", "项目 id", "project id")!;
        Assert.Equal(7, f.Row);
        Assert.Contains("第 7 行", f.MessageZh);
        Assert.Contains("Row 7", f.MessageEn);
        Assert.Contains("a\\u000Ab", f.MessageEn);
    }
}
