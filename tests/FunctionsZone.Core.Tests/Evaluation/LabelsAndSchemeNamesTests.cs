using FunctionsZone.Core;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.History;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Core.Tests.Evaluation;

/// <summary>Issue 32 items 4 and 5 in pure logic: the label catalogue, schemes by the evaluation users name, history's unpublished marks.</summary>
public class LabelsAndSchemeNamesTests
{
    [Theory]
    [InlineData("市对区", "liaocheng-city")]
    [InlineData("国评", "national")]
    [InlineData("省评", "shandong")]
    [InlineData("city", "liaocheng-city")]
    [InlineData("Provincial", "shandong")]
    [InlineData("市对区考核", "liaocheng-city")]
    public void A_scheme_is_found_by_the_evaluation_users_name(string name, string id) =>
        Assert.Equal(id, SeedData.Schemes.Find(name)?.Id);

    [Fact]
    public void Every_status_kind_and_evaluation_has_both_languages_and_english_has_no_chinese()
    {
        foreach (var family in new[] { "status", "kind", "judged", "evaluation", "unit", "col", "text", "published", "measure", "grade" })
            foreach (var (code, zh, en) in Labels.Family(family))
            {
                Assert.False(string.IsNullOrEmpty(zh), $"{family}.{code} has no zh");
                Assert.DoesNotMatch(@"[\u3400-\u9FFF\u3000-\u303F\uFF00-\uFFEF]", en);
            }
        foreach (var status in new[] { "achieved", "ahead", "on-track", "behind", "at-risk", "below-target", "no-data" })
            Assert.NotEqual(status, Labels.Zh.Of("status", status));
        Assert.Equal("累计", Labels.Zh.Of("kind", "cumulative"));
        Assert.Equal("市对区", Labels.Zh.Of("evaluation", "city"));
        Assert.Equal(Labels.En, Labels.For("en_US.UTF-8"));
        Assert.Equal(Labels.Zh, Labels.For("C.UTF-8"));
        Assert.Equal(Labels.Zh, Labels.For(null));
    }

    private static ValueChange Change(string import) => new() { Zone = "z", Indicator = "i", Period = "2022-05", ImportId = import };

    [Fact]
    public void Changes_after_the_published_import_are_marked_unpublished()
    {
        var changes = new[] { Change("c"), Change("b"), Change("a") }; // newest first
        var published = new Observation { Zone = "z", Indicator = "i", Period = Period.Parse("2022-05"), ImportId = "b" };
        Assert.Equal([false, true, true], HistoryQuery.Mark(changes, published).Select(c => c.Published));
        // The published figure is its first import (history records none): every change came after it.
        var first = published with { ImportId = "first" };
        Assert.Equal([false, false, false], HistoryQuery.Mark(changes, first).Select(c => c.Published));
        Assert.Equal([false, false, false], HistoryQuery.Mark(changes, null).Select(c => c.Published));
    }
}
