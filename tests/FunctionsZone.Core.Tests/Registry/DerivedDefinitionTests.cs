using FunctionsZone.Core.Registry;
using FunctionsZone.Core.Tests.Ingest;

namespace FunctionsZone.Core.Tests.Registry;

/// <summary>
/// Issue 30 item 4: an indicators.json whose derived definition recompute cannot compute is refused, a derived-formula
/// finding naming the indicator (the registry import reports these findings and stores nothing).
/// </summary>
public sealed class DerivedDefinitionTests
{
    private const string Operands = """
        { "code": "urban_population", "nameZh": "城镇常住人口", "unit": "万人", "kind": "stock" },
        { "code": "resident_population", "nameZh": "常住人口", "unit": "人", "kind": "stock" },
        { "code": "gdp", "nameZh": "地区生产总值", "unit": "亿元", "kind": "ytd" },
        { "code": "share", "nameZh": "民间投资占比", "unit": "%", "kind": "share" },
        { "code": "tax_per_mu", "nameZh": "亩均税收", "unit": "万元/亩", "kind": "rate", "derived": { "numerator": "gdp", "denominator": "landArea", "factor": 10000 } },
        """;

    private static string File(string derived, string unit = "%", string kind = "share") =>
        $$"""[{{Operands}} { "code": "ratio", "nameZh": "城镇化率", "unit": "{{unit}}", "kind": "{{kind}}", "derived": {{derived}} }]""";

    private static string Formula(string numerator, string denominator, string factor = "") =>
        $$"""{ "numerator": "{{numerator}}", "denominator": "{{denominator}}"{{factor}} }""";

    public static TheoryData<string, string> Uncomputable => new()
    {
        { File(Formula("urban", "resident_population")), "'urban' is not an indicator code" },
        { File(Formula("urban_population", "population")), "the denominator 'population' is not an indicator code" },
        { File(Formula("ratio", "resident_population")), "the numerator is the indicator itself (a cycle)" },
        { File(Formula("tax_per_mu", "gdp")), "'tax_per_mu' is itself derived" },
        { File(Formula("urban_population", "resident_population"), unit: "万人"), "is in % (ratio × 100), not '万人'" },
        { File(Formula("urban_population", "resident_population"), kind: "stock"), "must be of kind share or rate" },
        { File(Formula("urban_population", "resident_population", ", \"factor\": 100")), "factor 100 cannot be set" },
        { File(Formula("share", "urban_population")), "'share' is a rate or share" },
        { File(Formula("gdp", "resident_population")), "do not make a ratio" },
        { File(Formula("urban_population", "gdp")), "accumulate differently" },
    };

    [Theory, MemberData(nameof(Uncomputable))]
    public void A_definition_recompute_cannot_compute_refuses_the_file_naming_the_indicator(string json, string why)
    {
        var e = Assert.Throws<InvalidDataException>(() => RegistryFiles.ReadIndicators(json));
        var finding = Assert.Single(Assert.IsType<UncomputableDerivedException>(e.InnerException).Findings, f => f.MessageEn.Contains(why));
        Assert.Equal(("derived-formula", 6, "ratio"), (finding.Code, finding.Row!.Value, finding.Indicator));
        Assert.Contains("「ratio」（城镇化率）", finding.MessageZh);
    }

    [Fact]
    public void A_cycle_through_two_ratios_is_refused_on_both()
    {
        var json = $$"""[{{Operands}} { "code": "x", "nameZh": "x", "unit": "%", "kind": "share", "derived": {{Formula("y", "gdp")}} },"""
            + $$"""{ "code": "y", "nameZh": "y", "unit": "%", "kind": "share", "derived": {{Formula("x", "gdp")}} }]""";
        var e = Assert.Throws<InvalidDataException>(() => RegistryFiles.ReadIndicators(json));
        Assert.Equal(["x", "y"], Assert.IsType<UncomputableDerivedException>(e.InnerException).Findings.Select(f => f.Indicator));
    }

    [Fact]
    public void A_share_of_two_amounts_in_convertible_units_and_the_seed_registry_are_accepted()
    {
        Assert.Equal(6, RegistryFiles.ReadIndicators(File(Formula("urban_population", "resident_population"))).Count);
        Assert.NotEmpty(RegistryFiles.LoadFolder(Repo.Seeds).Indicators);
    }
}
