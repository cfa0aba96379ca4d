using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Domain;
using static FunctionsZone.Core.Tests.TestRegistry;

namespace FunctionsZone.Core.Tests.Ingest;

public class LongCsvIngestTests
{
    private static (IReadOnlyList<ResolvedRow> Rows, List<Finding> Findings) Ingest(string csv)
    {
        var findings = new List<Finding>();
        var raw = LongCsvReader.Read(new StringReader(csv), findings);
        return (new RowResolver(Create()).Resolve(raw, "test.csv", findings), findings);
    }

    [Fact]
    public void Chinese_headers_and_names_are_accepted()
    {
        var (rows, findings) = Ingest("开发区,指标,期间,数值,单位,同比\n甲区,一般公共预算收入,2022-05,9.39,亿元,\n乙县,实际使用外资,2022年5月,\"2,474\",万美元,12.5\n");
        Assert.Empty(findings);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("a", "revenue", "2022-05", 9.39m), (rows[0].Observation.Zone, rows[0].Observation.Indicator, rows[0].Observation.Period.ToString(), rows[0].Observation.Value!.Value));
        Assert.Equal((2474m, 12.5m), (rows[1].Observation.Value!.Value, rows[1].Observation.Yoy!.Value));
        Assert.Equal(3, rows[1].Row);
    }

    [Fact]
    public void Values_are_converted_to_the_canonical_unit()
    {
        var (rows, findings) = Ingest("zone,indicator,period,value,unit\na,revenue,2022-05,93900,万元\nb,fdi,2022-05,0.2474,亿美元\nc,revenue,2022-05,９．３９亿,\n");
        Assert.Empty(findings);
        Assert.Equal([9.39m, 2474m, 9.39m], rows.Select(r => r.Observation.Value!.Value));
    }

    [Fact]
    public void An_unknown_unit_is_an_error_never_a_guess()
    {
        var (rows, findings) = Ingest("zone,indicator,period,value,unit\na,revenue,2022-05,9.39,亿美元\nb,revenue,2022-05,3,斤\n");
        Assert.Empty(rows);
        Assert.Equal([2, 3], findings.Where(f => f.Code == "unknown-unit").Select(f => f.Row!.Value));
    }

    [Fact]
    public void Each_bad_row_is_named_by_its_row_and_problem()
    {
        var (rows, findings) = Ingest("zone,indicator,period,value\n无此区,revenue,2022-05,1\na,无此指标,2022-05,1\na,revenue,2022-13,1\na,revenue,2022-05,abc\na,revenue,2022-05,—\nb,revenue,2022-05,2\nb,revenue,2022-05,3\n");
        Assert.Single(rows);
        var byCode = findings.ToDictionary(f => f.Code, f => f.Row);
        Assert.Equal(2, byCode["unknown-zone"]);
        Assert.Equal(3, byCode["unknown-indicator"]);
        Assert.Equal(4, byCode["bad-period"]);
        Assert.Equal(5, byCode["bad-value"]);
        Assert.Equal(6, byCode["missing-value"]);
        Assert.Equal(8, byCode["duplicate-row"]);
        Assert.Equal(Severity.Warning, findings.Single(f => f.Code == "missing-value").Severity);
        Assert.All(findings, f => { Assert.Contains("第", f.MessageZh); Assert.Contains("Row", f.MessageEn); });
    }

    [Fact]
    public void A_missing_required_column_is_reported_once()
    {
        var (rows, findings) = Ingest("zone,indicator,value\na,revenue,1\n");
        Assert.Empty(rows);
        var f = Assert.Single(findings);
        Assert.Equal(("missing-column", "period"), (f.Code, f.Column!));
    }

    [Fact]
    public void Derived_indicators_cannot_be_imported()
    {
        var (rows, findings) = Ingest("zone,indicator,period,value\na,亩均税收,2021,3.58\n");
        Assert.Empty(rows);
        Assert.Equal("derived-indicator", Assert.Single(findings).Code);
    }

    [Fact]
    public void Json_rows_read_like_csv_rows()
    {
        var findings = new List<Finding>();
        var raw = JsonRowsReader.Read("""[{"zone":"甲区","indicator":"revenue","period":"2022-05","value":9.39},{"开发区":"b","指标":"fdi","期间":"2022-05","数值":"2474","同比":"-3.5"}]""", findings);
        var rows = new RowResolver(Create()).Resolve(raw, "x.json", findings);
        Assert.Empty(findings);
        Assert.Equal([9.39m, 2474m], rows.Select(r => r.Observation.Value!.Value));
        Assert.Equal(-3.5m, rows[1].Observation.Yoy);
    }

    [Theory]
    [InlineData("１２３．４", 123.4)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("85.6%", 85.6)]
    [InlineData("-3.2", -3.2)]
    public void Numbers_as_tables_write_them(string text, double expected)
    {
        Assert.True(ValueParser.TryParse(text, out var v, out _));
        Assert.Equal((decimal)expected, v);
    }

    [Theory]
    [InlineData("—")]
    [InlineData("－")]
    [InlineData("-")]
    [InlineData("/")]
    [InlineData("…")]
    [InlineData("")]
    public void Missing_markers_mean_no_figure(string text) => Assert.True(ValueParser.IsMissing(text));
}
