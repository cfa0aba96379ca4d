using System.Text;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Imports;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>Issue 10 #5, #10 and #11: an import tells the truth about what it did and refuses what it cannot hold.</summary>
public sealed class IngestTruthTests
{
    private static InputFile Csv(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task A_dry_run_counts_a_blank_yoy_as_the_import_does()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        Assert.Equal(ImportStatus.Success, (await pipeline.IngestAsync(Csv("a.csv", "zone,indicator,period,value,unit,yoy\nlc-etdz,retail_sales,2022-05,33.4,亿元,7.5\n"), new IngestOptions())).Status);
        var blankYoy = Csv("b.csv", "zone,indicator,period,value,unit,yoy\nlc-etdz,retail_sales,2022-05,33.4,亿元,\n");
        var dry = await pipeline.IngestAsync(blankYoy, new IngestOptions { DryRun = true });
        var real = await pipeline.IngestAsync(blankYoy, new IngestOptions());
        Assert.Equal(real.Counts, dry.Counts);
        Assert.Equal(new ImportCounts(0, 0, 1, 0), real.Counts);
    }

    [Theory]
    [InlineData("79228162514264337593543950335", "亿美元", "fdi_utilised")]
    [InlineData("1e40", "万元", "general_budget_revenue")]
    [InlineData("-79228162514264337593543950335", "亿美元", "fdi_utilised")]
    public async Task A_value_that_overflows_in_parsing_or_conversion_is_value_out_of_range(string value, string unit, string indicator)
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var before = await CorpusTests.StoredAsync(storage);
        var s = await pipeline.IngestAsync(Csv("big.csv", $"zone,indicator,period,value,unit\nlc-etdz,{indicator},2022-05,{value},{unit}\n"), new IngestOptions());
        Assert.Equal(ImportStatus.Error, s.Status);
        var f = Assert.Single(s.Findings, f => f.Code == "value-out-of-range");
        Assert.Equal([2], f.Rows);
        Assert.Equal(before.Observations, (await CorpusTests.StoredAsync(storage)).Observations);
    }

    [Theory]
    [InlineData("general_budget_revenue", "9999999999999999999999999999", "", "range-above-max")]
    [InlineData("fdi_utilised", "100", "79000000000000000000000000000", "range-above-max")]
    [InlineData("industrial_va_growth", "1500", "", "range-above-max")]
    public async Task Implausible_amounts_and_growth_rates_are_refused_by_the_rules(string indicator, string value, string yoy, string code)
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var s = await pipeline.IngestAsync(Csv("big.csv", $"zone,indicator,period,value,yoy\nlc-etdz,{indicator},2022-05,{value},{yoy}\n"), new IngestOptions());
        Assert.Equal(ImportStatus.Error, s.Status);
        Assert.Contains(s.Findings, f => f.Code == code && f.Rows.SequenceEqual([2]));
    }

    [Fact]
    public async Task Recompute_survives_stored_figures_at_the_edge_of_decimal()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        // Stored before the rules existed (or under rules that allowed it): 亩均 and computed growth must not overflow.
        var store = new TableObservationStore(storage.Clients);
        var may = Period.Parse("2022-05");
        await store.WriteAsync([
            new Observation { Zone = "lc-etdz", Indicator = "tax_revenue", Period = Period.Parse("2021"), Value = 9999999999999999999999999999m },
            new Observation { Zone = "lc-etdz", Indicator = "retail_sales", Period = may, Value = 9999999999999999999999999999m },
            new Observation { Zone = "lc-etdz", Indicator = "retail_sales", Period = may.YearBefore(), Value = 0.0000001m },
        ], "edge");
        var results = await storage.Pipeline().RecomputeAllAsync([Period.Parse("2021"), may]);
        Assert.Equal(2, results.Count);
        Assert.NotNull(await storage.Pipeline().PublishAsync());
    }

    [Fact]
    public async Task Too_many_rows_reports_every_row_ignored()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var s = await pipeline.IngestAsync(Csv("many.csv", "zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,1\nlc-etdz,retail_sales,2022-04,1\nlc-etdz,retail_sales,2021-05,1\n"),
            new IngestOptions { MaxRows = 2 });
        Assert.Equal(ImportStatus.Error, s.Status);
        Assert.Equal(new ImportCounts(0, 0, 0, 3), s.Counts);
    }

    [Fact]
    public async Task The_size_limit_is_checked_before_the_file_is_decoded()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        // 8 MB of text that is not UTF-8 and must not be decoded at all: the limit answers first.
        var bytes = new byte[8 * 1024 * 1024];
        Array.Fill(bytes, (byte)0xB0);
        var file = new InputFile("big.csv", bytes);
        var s = await pipeline.IngestAsync(file, new IngestOptions { MaxFileBytes = 1024 });
        Assert.Equal("file-too-large", Assert.Single(s.Findings).Code);
        Assert.False(file.IsDecoded);
    }

    [Fact]
    public async Task A_UTF8_file_with_one_GBK_line_is_an_error_naming_the_line_not_mojibake()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var before = await CorpusTests.StoredAsync(storage);
        var utf8 = Encoding.UTF8.GetBytes("开发区,指标,期间,数值\n聊城经济技术开发区,限额以上零售额,2022-05,35\n");
        var gbk = Core.Ingest.TextDecoding.Gb18030.GetBytes("聊城经济技术开发区,一般公共预算收入,2022-05,10\n");
        var s = await pipeline.IngestAsync(new InputFile("mixed.csv", [.. utf8, .. gbk]), new IngestOptions());
        Assert.Equal(ImportStatus.Error, s.Status);
        var f = Assert.Single(s.Findings);
        Assert.Equal("mixed-encoding", f.Code);
        Assert.Equal([3], f.Rows);
        Assert.Equal(before.Observations, (await CorpusTests.StoredAsync(storage)).Observations);
    }

    [Fact]
    public async Task A_crash_mid_ingest_leaves_no_value_whose_import_has_no_summary()
    {
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var csv = new StringBuilder("zone,indicator,period,value\n");
        for (var i = 0; i < 300; i++) csv.Append($"lc-etdz,retail_sales,{2000 + i / 12}-{i % 12 + 1:D2},{i + 1}\n");
        var dying = InterruptedImportTests.DyingPipeline(storage, batches: 1);
        await Assert.ThrowsAsync<IOException>(() => dying.IngestAsync(Csv("big.csv", csv.ToString()), new IngestOptions()));

        var log = new ImportLogReader(storage.Clients);
        var store = new TableObservationStore(storage.Clients);
        var ids = (await store.ReadPeriodsAsync(await store.ListPeriodsAsync())).Select(o => o.ImportId).Distinct().ToList();
        Assert.True(ids.Count >= 2);
        foreach (var id in ids) Assert.NotNull(await log.GetAsync(id!));
    }

    [Fact]
    public async Task Findings_quote_at_most_60_characters_of_a_cell()
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await CorpusTests.SeedAsync(pipeline);
        var payroll = "张三,身份证号 370102199001011234,工资 12345.67 元," + new string('x', 400);
        var s = await pipeline.IngestAsync(Csv("leak.csv", $"zone,indicator,period,value\n\"{payroll}\",retail_sales,2022-05,\"{payroll}\"\n"), new IngestOptions());
        Assert.Equal(ImportStatus.Error, s.Status);
        foreach (var f in s.Findings)
        {
            Assert.DoesNotContain(new string('x', 61), f.Message);
            Assert.True(f.Message.Length < 400, f.Message);
        }
    }
}
