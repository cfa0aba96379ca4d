using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Tests.Ingest;

/// <summary>
/// Files shaped as a statistics bureau publishes them (Bulletin/README.md names the source of every figure), read as the
/// pipeline reads them: ObservationFileReader, then RowResolver over a registry of the bulletin's indicators.
/// </summary>
public class BulletinFileTests
{
    internal static ZoneRegistry Registry { get; } = new(
        [new Zone { Id = "cn", NameZh = "全国" }],
        [],
        [
            new Indicator { Code = "population", NameZh = "年末全国人口", Unit = "人", Kind = IndicatorKind.Stock },
            new Indicator { Code = "urban_jobs", NameZh = "城镇新增就业", Unit = "人", Kind = IndicatorKind.Ytd },
            new Indicator { Code = "grain_output", NameZh = "粮食产量", Unit = "万吨", Kind = IndicatorKind.Ytd },
            new Indicator { Code = "grain_area", NameZh = "粮食播种面积", Unit = "万亩", Kind = IndicatorKind.Stock },
            new Indicator { Code = "fdi", NameZh = "实际使用外资", Unit = "万美元", Kind = IndicatorKind.Ytd },
            new Indicator { Code = "revenue", NameZh = "一般公共预算收入", Unit = "亿元", Kind = IndicatorKind.Ytd },
            new Indicator { Code = "gdp", NameZh = "国内生产总值", Unit = "亿元", Kind = IndicatorKind.Ytd },
            new Indicator { Code = "urbanisation", NameZh = "常住人口城镇化率", Unit = "%", Kind = IndicatorKind.Share },
            new Indicator { Code = "industrial_va_growth", NameZh = "规上工业增加值增速", Unit = "%", Kind = IndicatorKind.Rate },
            new Indicator { Code = "retail_sales", NameZh = "社会消费品零售总额", Unit = "亿元", Kind = IndicatorKind.Ytd },
            new Indicator { Code = "households", NameZh = "农村住户", Unit = "户", Kind = IndicatorKind.Stock },
        ]);

    internal static string PathOf(string name) => Path.Combine(Repo.Root, "tests", "FunctionsZone.Core.Tests", "Ingest", "Bulletin", name);

    internal static (List<Observation> Stored, List<Finding> Findings) Read(string name)
    {
        var findings = new List<Finding>();
        var file = new InputFile(name, File.ReadAllBytes(PathOf(name)));
        var raw = ObservationFileReader.Read(new FunctionsZone.Formats.CsvTableReader(), file, Registry, findings);
        var rows = new RowResolver(Registry).Resolve(raw, name, findings);
        return (rows.Select(r => r.Observation).ToList(), findings);
    }

    private static decimal? Value(List<Observation> stored, string indicator, string period) =>
        stored.Single(o => o.Indicator == indicator && o.Period.ToString() == period).Value;

    [Fact]
    public void Units_convert_within_their_dimension_and_refuse_across_it()
    {
        var (stored, findings) = Read("units-national-2022.csv");
        Assert.Equal(1_411_750_000m, Value(stored, "population", "2022"));   // 141175 万人
        Assert.Equal(12_060_000m, Value(stored, "urban_jobs", "2022"));      // 1206 万人
        Assert.Equal(68_655m, Value(stored, "grain_output", "2022"));        // 13731 亿斤 = 68655 万吨 (公报: 68653, rounded 亿斤)
        Assert.Equal(177_498m, Value(stored, "grain_area", "2022"));         // 118332 千公顷 × 15 = 17.75 亿亩
        Assert.Equal(18_910_000m, Value(stored, "fdi", "2022"));             // 1891 亿美元
        Assert.Equal(5, stored.Count);
        var refused = findings.Where(f => f.Code == "unknown-unit").ToList();
        Assert.Equal([7, 8], refused.Select(f => f.Row!.Value));
        Assert.Contains("质量", refused[0].MessageZh);           // 万吨 measures mass, 亿元 money
        Assert.Contains("mass", refused[0].MessageEn);
        Assert.Contains("不在单位表", refused[1].MessageZh);      // 万亿欧元 is not a unit FunctionsZone knows
        Assert.Equal(2, findings.Count);
    }

    [Theory]
    [InlineData("3", "万户", "户", "30000")]
    [InlineData("2", "公斤", "千克", "2")]
    [InlineData("1", "吨", "斤", "2000")]
    [InlineData("1", "平方公里", "亩", "1500")]
    [InlineData("2.5", "亿元", "万元", "25000")]
    public void Each_unit_of_the_table_converts_to_another_of_its_dimension(string value, string from, string to, string expected)
    {
        Assert.True(UnitConverter.TryConvert(decimal.Parse(value), from, to, out var converted));
        Assert.Equal(decimal.Parse(expected), RowResolver.Canonical(converted));
    }

    [Theory]
    [InlineData("人", "户")]
    [InlineData("亩", "吨")]
    [InlineData("万元", "万美元")]
    [InlineData("%", "个百分点")]
    [InlineData("家", "元")]
    public void Units_of_different_dimensions_never_convert(string from, string to) =>
        Assert.False(UnitConverter.TryConvert(1m, from, to, out _));

    [Fact]
    public void A_file_that_declares_decimal_commas_is_read_with_them()
    {
        var (stored, findings) = Read("decimal-comma-declared.csv");
        Assert.Empty(findings);
        Assert.Equal(65.22m, Value(stored, "urbanisation", "2022"));
        Assert.Equal((1210207m, 3m), (Value(stored, "gdp", "2022")!.Value, stored.Single(o => o.Indicator == "gdp").Yoy!.Value));
        Assert.Equal(-0.2m, stored.Single(o => o.Indicator == "retail_sales").Yoy);
    }

    [Fact]
    public void A_decimal_comma_declaration_needs_the_semicolon_separator()
    {
        var (stored, findings) = Read("decimal-comma-wrong-separator.csv");
        Assert.Empty(stored);
        Assert.Equal("decimal-comma-separator", Assert.Single(findings).Code);
    }

    [Theory]
    [InlineData("1,234,567", "1234567")]
    [InlineData("-12,345.5", "-12345.5")]
    [InlineData("２，４７４", "2474")]
    [InlineData("33.6", "33.6")]
    public void A_comma_is_a_thousands_separator_only_in_groups_of_three(string text, string expected)
    {
        Assert.True(ValueParser.TryParse(text, out var v, out _));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), v);
    }

    [Theory]
    [InlineData("33,6")]
    [InlineData("1,23")]
    [InlineData("12,3456")]
    [InlineData("1234,567")]
    [InlineData(",123")]
    public void Any_other_comma_is_not_a_number(string text) => Assert.False(ValueParser.TryParse(text, out _, out _));

    [Fact]
    public void An_annual_table_is_read_as_the_years_figures()
    {
        var file = new InputFile("annual-national-2022.csv", File.ReadAllBytes(PathOf("annual-national-2022.csv")));
        Assert.Equal(InputKind.Observations, file.Kind);   // once unknown-file: nothing imported
        var (stored, findings) = Read("annual-national-2022.csv");
        Assert.Empty(findings);
        Assert.All(stored, o => Assert.Equal(PeriodGrain.Year, o.Period.Grain));
        Assert.Equal((1210207m, 3.0m), (Value(stored, "gdp", "2022")!.Value, stored.Single(o => o.Indicator == "gdp").Yoy!.Value));
        Assert.Equal(203703m, Value(stored, "revenue", "2022"));
        Assert.Equal(-0.2m, stored.Single(o => o.Indicator == "retail_sales").Yoy);
        Assert.Equal(3.6m, Value(stored, "industrial_va_growth", "2022"));
    }

    [Fact]
    public void Periods_of_every_grain_are_stored_by_month_or_year()
    {
        var (stored, findings) = Read("periods-national-2022.csv");
        Assert.Equal(270178m, Value(stored, "gdp", "2022-03"));    // 2022年一季度 = 1-3月
        Assert.Equal(562642m, Value(stored, "gdp", "2022-06"));    // 上半年 = 1-6月
        Assert.Equal(870269m, Value(stored, "gdp", "2022-09"));    // 前三季度 = 1-9月
        Assert.Equal(1210207m, Value(stored, "gdp", "2022"));
        Assert.Equal(171689m, Value(stored, "retail_sales", "2022-05"));   // 2022年1-5月
        Assert.Equal(108659m, Value(stored, "retail_sales", "2022-03"));   // 2022Q1
        Assert.Equal(6, stored.Count);
        var f = Assert.Single(findings);
        Assert.Equal(("period-grain", 8), (f.Code, f.Row!.Value));         // 二季度 alone is no month's figure
        Assert.Contains("1-6月", f.MessageZh);
    }

    [Theory]
    [InlineData("2022Q1", PeriodGrain.Quarter, "2022Q1", false)]
    [InlineData("2022年第三季度", PeriodGrain.Quarter, "2022Q3", false)]
    [InlineData("2022年4季度", PeriodGrain.Quarter, "2022Q4", false)]
    [InlineData("2022年1-5月", PeriodGrain.Month, "2022-05", true)]
    [InlineData("2022年1—12月", PeriodGrain.Month, "2022-12", true)]
    [InlineData("2022年上半年", PeriodGrain.Month, "2022-06", true)]
    [InlineData("2022前三季度", PeriodGrain.Month, "2022-09", true)]
    [InlineData("2022年5月", PeriodGrain.Month, "2022-05", false)]
    [InlineData("2022年", PeriodGrain.Year, "2022", false)]
    public void One_parser_reads_every_grain(string text, PeriodGrain grain, string expected, bool yearToDate)
    {
        Assert.True(Period.TryParseReported(text, out var p, out var ytd));
        Assert.Equal((grain, expected, yearToDate), (p.Grain, p.ToString(), ytd));
    }

    [Theory]
    [InlineData("2022Q5")]
    [InlineData("2022年1-13月")]
    [InlineData("前三季度")]
    public void A_period_out_of_range_or_without_a_year_is_refused(string text) => Assert.False(Period.TryParseReported(text, out _, out _));

    [Fact]
    public void A_stored_period_is_never_a_quarter() => Assert.False(Period.TryParse("2022Q1", out _));

    [Fact]
    public void Changes_are_stored_as_what_they_are()
    {
        var (stored, findings) = Read("changes-national-2022.csv");
        Assert.Empty(findings);
        Observation Of(string indicator) => stored.Single(o => o.Indicator == indicator);
        Assert.Equal((1_411_750_000m, -850_000m, (decimal?)null), (Of("population").Value!.Value, Of("population").Change!.Value, Of("population").ChangePoints));
        Assert.Equal((65.22m, 0.5m, (decimal?)null, (decimal?)null), (Of("urbanisation").Value!.Value, Of("urbanisation").ChangePoints!.Value, Of("urbanisation").Yoy, Of("urbanisation").Change));
        Assert.Equal(1051.5m, Of("grain_area").Change);        // 701 千公顷 in 万亩
        Assert.Equal((368m, 0.5m), (Of("grain_output").Change!.Value, Of("grain_output").Yoy!.Value));
    }

    [Fact]
    public void A_yoy_on_a_rate_and_points_on_a_count_are_refused()
    {
        var (stored, findings) = Read("changes-refused.csv");
        Assert.Empty(stored);
        Assert.Equal([("yoy-on-rate", 2), ("change-points-not-percent", 3)], findings.Select(f => (f.Code, f.Row!.Value)));
        Assert.Contains("change_pp", findings[0].MessageEn);
    }

    [Fact]
    public void A_wide_tables_change_columns_are_stored_as_what_they_are()
    {
        var (stored, findings) = Read("annual-changes-national-2022.csv");
        Assert.Empty(findings);
        var population = stored.Single(o => o.Indicator == "population");
        var urbanisation = stored.Single(o => o.Indicator == "urbanisation");
        Assert.Equal(("2022", -850_000m, (decimal?)null), (population.Period.ToString(), population.Change!.Value, population.ChangePoints));
        Assert.Equal((65.22m, 0.5m, (decimal?)null), (urbanisation.Value!.Value, urbanisation.ChangePoints!.Value, urbanisation.Yoy));
    }
}
