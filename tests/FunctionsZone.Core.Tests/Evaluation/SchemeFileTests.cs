using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Tests.Evaluation;

/// <summary>A scheme file is recognised by its content and checked with findings that name the field.</summary>
public sealed class SchemeFileTests
{
    private static List<Finding> Check(string json)
    {
        var findings = new List<Finding>();
        SchemeFile.Read(json, "mine.json", findings, SeedData.Registry);
        return findings;
    }

    [Fact]
    public void A_scheme_is_known_by_its_content_not_its_name()
    {
        var text = File.ReadAllText(Path.Combine(SeedData.Folder, "schemes", "national.json"));
        Assert.Equal(InputKind.Scheme, new InputFile("2022考核办法.json", System.Text.Encoding.UTF8.GetBytes(text)).Kind);
        Assert.Equal(InputKind.Observations, new InputFile("rows.json", """[{"zone":"lc-etdz","indicator":"gdp","period":"2021","value":1}]"""u8.ToArray()).Kind);
        Assert.Equal(InputKind.Zones, new InputFile("zones.json", "[]"u8.ToArray()).Kind);
    }

    [Fact]
    public void The_shipped_schemes_read_cleanly_against_the_seed_registry()
    {
        Assert.Equal(["liaocheng-city", "national", "shandong"], SeedData.Schemes.Schemes.Select(s => s.Id));
        Assert.Equal(30, SeedData.Schemes.Get("national").AllIndicators.Count());
        Assert.Equal(13, SeedData.Schemes.Get("山东省开发区综合发展水平考核").AllIndicators.Count());
        Assert.Equal("national", SeedData.Schemes.Get("国评").Id);
    }

    [Fact]
    public void Problems_name_the_field_by_its_json_path()
    {
        var f = Check("""
            {"id":"x","nameZh":"测试","group":"no-such-group","normalisation":"min-max",
             "categories":[{"id":"c","weight":-1,"indicators":[{"indicator":"gdp","direction":"up"},{"indicator":"nope"},{"indicator":"gdp"}]}]}
            """);
        Assert.Contains(f, x => x.Code == "unknown-group" && x.Column == "group");
        Assert.Contains(f, x => x.Code == "negative-weight" && x.Column == "categories[0].weight");
        Assert.Contains(f, x => x.Code == "bad-scheme-field" && x.Column == "categories[0].indicators[0].direction");
        Assert.Contains(f, x => x.Code == "unknown-indicator" && x.Column == "categories[0].indicators[1].indicator");
        Assert.Contains(f, x => x.Code == "duplicate-indicator" && x.Column == "categories[0].indicators[2].indicator");
        Assert.All(f, x => Assert.Contains(x.Column!, x.MessageZh + x.MessageEn));
    }

    [Fact]
    public void Shape_problems_are_found_before_the_values()
    {
        var f = Check("""{"id":"x","categories":[{"id":"c","indicators":[{"weight":1}],"categories":[{"id":"d","indicators":[{"indicator":"gdp"}]}]}],"normalization":"z-score"}""");
        Assert.Contains(f, x => x.Code == "missing-scheme-field" && x.Column == "nameZh");
        Assert.Contains(f, x => x.Code == "missing-scheme-field" && x.Column == "categories[0].indicators[0].indicator");
        Assert.Contains(f, x => x.Code == "scheme-category-shape" && x.Column == "categories[0]");
        Assert.Contains(f, x => x.Code == "unknown-scheme-field" && x.Column == "normalization" && x.Severity == Severity.Warning);
        Assert.Contains(Check("""{"id":"x","nameZh":"x","normalisation":"z-scores","categories":[{"id":"c","indicators":[{"indicator":"gdp"}]}]}"""),
            x => x.Code == "bad-scheme-field" && x.Column == "normalisation");
        Assert.Contains(Check("{not json"), x => x.Code == "malformed-scheme");
        Assert.Contains(Check("""{"id":"x","nameZh":"x","normalisation":"goalposts","categories":[{"id":"c","indicators":[{"indicator":"gdp","frontier":10}]}]}"""),
            x => x.Code == "goalposts-need-bounds" && x.Column == "categories[0].indicators[0].worst");
    }

    [Fact]
    public void Nested_categories_weigh_down_the_tree_and_score_at_every_level()
    {
        var s = SchemeFile.Parse("""
            {"id":"t","nameZh":"三级","categories":[
              {"id":"A","weight":1,"categories":[{"id":"A1","weight":1,"indicators":[{"indicator":"x1"}]},{"id":"A2","weight":3,"indicators":[{"indicator":"x2"},{"indicator":"x3"}]}]},
              {"id":"B","weight":1,"indicators":[{"indicator":"x4","direction":"lower"}]}]}
            """, "t.json");
        var model = CompositeModel.From(s, _ => true);
        Assert.Equal(["A", "A1", "A2", "B"], model.Categories.Select(c => c.Id));
        // x1: ½ × ¼; x2, x3: ½ × ¾ × ½; x4: ½.
        Assert.Equal([0.125, 0.1875, 0.1875, 0.5], model.Columns.Select(c => c.Weight));
        Assert.Equal([0, 1], model.Columns[0].Path);
        var input = new CompositeInput(s, model, ["p", "q"], ["p", "q"], [[1, 1, 1, 5], [2, 2, 2, 4]], "2021");
        var scores = input.Evaluate();
        Assert.Equal(100, scores.CategoryScore[1][0], 9); // A for q: every A column at the max
        Assert.Equal(0, scores.CategoryScore[0][0], 9);
        Assert.Equal(100, scores.CategoryScore[1][3], 9); // B: x4 lower is better, q has the lower value
    }
}
