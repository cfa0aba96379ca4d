using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Tests.Ingest;

public class WideTableReaderTests
{
    private static IReadOnlyList<Observation> Resolve(InputFile file, List<Finding> findings)
    {
        var raw = ObservationFileReader.Read(new FunctionsZone.Formats.CsvTableReader(), file, Repo.Registry, findings);
        return new RowResolver(Repo.Registry).Resolve(raw, file.Name, findings).Select(r => r.Observation).ToList();
    }

    private static InputFile Sample(string name) => new(name, File.ReadAllBytes(Path.Combine(Repo.Seeds, "samples", name)));

    private static string Key(Observation o) => $"{o.Zone}|{o.Indicator}|{o.Period}|{o.Value}|{o.Yoy}";

    [Fact]
    public void The_wide_sample_reads_as_the_same_figures_as_the_long_sample()
    {
        var wideFindings = new List<Finding>();
        var wide = Resolve(Sample("wide-monthly-2022-05.csv"), wideFindings);
        var longFindings = new List<Finding>();
        var @long = Resolve(Sample("long-2022-05.csv"), longFindings);
        Assert.Empty(longFindings);
        Assert.DoesNotContain(wideFindings, f => f.Severity == Severity.Error);
        Assert.Equal(19, @long.Count);
        Assert.Equal(@long.Select(Key).Order(), wide.Select(Key).Order());
    }

    [Theory]
    [InlineData("wide-monthly-2022-05.xlsx")]
    [InlineData("long-2022-05.xlsx")]
    public void The_xlsx_samples_read_as_the_same_figures_as_the_long_csv(string name)
    {
        var findings = new List<Finding>();
        var xlsx = Resolve(Sample(name), findings);
        Assert.True(!findings.Any(f => f.Severity == Severity.Error), string.Join("\n", findings.Select(f => f.Message)));
        Assert.Equal(Resolve(Sample("long-2022-05.csv"), []).Select(Key).Order(), xlsx.Select(Key).Order());
    }

    [Fact]
    public void Findings_on_a_workbook_name_the_sheet()
    {
        var findings = new List<Finding>();
        Resolve(Sample("wide-monthly-2022-05.xlsx"), findings);
        // 东昌府区's 本月 of 技改投资 is "/" (missing): a warning on its own sheet.
        var f = Assert.Single(findings, f => f.Code == "missing-value");
        Assert.StartsWith("东昌府区!C", f.Column);
        Assert.Equal("dongchangfu", f.Zone);
    }

    [Fact]
    public void Units_scale_words_and_full_width_digits_are_converted()
    {
        var wide = Resolve(Sample("wide-monthly-2022-05.csv"), []);
        Observation Get(string zone, string ind) => wide.Single(o => o.Zone == zone && o.Indicator == ind);
        Assert.Equal(4.71m, Get("lc-etdz", "tech_renovation_investment").Value);          // "47,100" 万元
        Assert.Equal(2.9m, Get("lc-etdz", "tech_renovation_investment_month").Value);     // "29,000" 万元
        Assert.Equal(278m, Get("lc-etdz", "tech_renovation_investment_month").Yoy);
        Assert.Equal(112.6m, Get("dongchangfu", "fixed_asset_investment").Value);          // １１２．６
        Assert.Equal(24.62m, Get("dongchangfu", "general_budget_revenue").Value);          // "246,200" 万元
        Assert.Equal(2105m, Get("dongchangfu", "fdi_utilised").Value);                     // 0.2105 亿美元
        Assert.Equal(12.9m, Get("lc-etdz", "industrial_va_growth_month").Value);           // growth in the 同比 column
        Assert.Equal("2022-05", Get("lc-etdz", "industrial_va_growth").Period.ToString());
    }

    [Fact]
    public void A_zone_column_block_layout_reads_too()
    {
        var csv = """
            2022年1-5月各开发区主要经济指标,,,,,,
            指标,单位,聊城经济技术开发区,,,东昌府区,,
            ,,本月,1-5月累计,同比增长(%),本月,1-5月累计,同比增长(%)
            制造业技改投资,亿元,2.9,4.71,10.2,—,6.14,9.3
            固定资产投资（亿元）,,—,38.4,—,—,112.6,—
            """;
        var findings = new List<Finding>();
        var obs = Resolve(new InputFile("blocks.csv", System.Text.Encoding.UTF8.GetBytes(csv)), findings);
        Assert.True(!findings.Any(f => f.Severity == Severity.Error), string.Join("\n", findings.Select(f => f.Message)));
        Assert.Contains(obs, o => o is { Zone: "lc-etdz", Indicator: "tech_renovation_investment", Value: 4.71m, Yoy: 10.2m });
        Assert.Contains(obs, o => o is { Zone: "lc-etdz", Indicator: "tech_renovation_investment_month", Value: 2.9m });
        Assert.Contains(obs, o => o is { Zone: "dongchangfu", Indicator: "tech_renovation_investment", Value: 6.14m, Yoy: 9.3m });
        Assert.Contains(obs, o => o is { Zone: "dongchangfu", Indicator: "fixed_asset_investment", Value: 112.6m });
        Assert.All(obs, o => Assert.Equal("2022-05", o.Period.ToString()));
    }

    [Fact]
    public void An_unknown_unit_is_an_error_naming_row_and_column_never_a_guess()
    {
        var csv = "聊城经济技术开发区 2022年1-5月主要经济指标\n指标,单位,1-5月累计\n固定资产投资,千元,38400\n";
        var findings = new List<Finding>();
        var obs = Resolve(new InputFile("u.csv", System.Text.Encoding.UTF8.GetBytes(csv)), findings);
        Assert.Empty(obs);
        var f = Assert.Single(findings, f => f.Code == "unknown-unit");
        Assert.Equal(3, f.Row);
        Assert.StartsWith("C", f.Column);
        Assert.Contains("千元", f.MessageZh);
    }
}
