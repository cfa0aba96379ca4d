using System.Text;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Incoming;
using FunctionsZone.Storage.References;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>
/// The hostile corpus (issue 10): files and blob names an adversary or a clumsy user sends, each with the finding it
/// must give, and after each a check that nothing stored changed. Seeded once; every case runs against the same store.
/// </summary>
public sealed class HostileCorpusTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);
    private const string Head = "zone,indicator,period,value,unit,yoy\n";
    private static byte[] Row(string zone = "lc-etdz", string indicator = "retail_sales", string period = "2022-05", string value = "35", string unit = "", string yoy = "") =>
        U(Head + $"\"{zone.Replace("\"", "\"\"")}\",{indicator},{period},\"{value}\",{unit},{yoy}\n");

    public sealed record Case(string Name, byte[] Content, string Code, IngestOptions? Options = null);

    public static IEnumerable<Case> Files()
    {
        yield return new("empty.csv", [], "empty-file");
        yield return new("bom-only.csv", [0xEF, 0xBB, 0xBF], "empty-file");
        yield return new("garbage.csv", Enumerable.Repeat((byte)0x80, 4000).ToArray(), "undecodable-text");
        yield return new("mixed.csv", [.. U("开发区,指标,期间,数值\n聊城经济技术开发区,限额以上零售额,2022-05,35\n聊城经济技术开发区,固定资产投资,2022-05,40\n"), .. TextDecoding.Gb18030.GetBytes("聊城经济技术开发区,一般公共预算收入,2022-05,10\n")], "mixed-encoding");
        yield return new("too-large.csv", Row(), "file-too-large", new IngestOptions { MaxFileBytes = 10 });
        yield return new("too-many.csv", U(Head + "lc-etdz,retail_sales,2022-05,1,,\nlc-etdz,retail_sales,2022-04,1,,\n"), "too-many-rows", new IngestOptions { MaxRows = 1 });
        yield return new("dimension.xlsx", Xlsx.Workbook(Xlsx.Sheet("A1:XFD20", Xlsx.LongRows)), "sheet-too-large");
        yield return new("far-cell.xlsx", Xlsx.Workbook(Xlsx.Sheet(null, Xlsx.LongRows).Replace("</sheetData>", "<row r=\"3\"><c r=\"XFD3\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>")), "sheet-too-large");
        yield return new("deep-row.xlsx", Xlsx.Workbook(Xlsx.Sheet(null, Xlsx.LongRows).Replace("</sheetData>", "<row r=\"9000000\"><c r=\"A9000000\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>")), "sheet-too-large");
        yield return new("long-cell.xlsx", Xlsx.Workbook(Xlsx.Sheet("A1:D2", [["zone", "indicator", "period", "value"], [new string('z', 5_000_000), "retail_sales", "2022-05", "1"]])), "cell-too-long");
        yield return new("not-a-zip.xlsx", U("PK this is not a workbook"), "malformed-xlsx");
        yield return new("truncated.xlsx", Xlsx.Workbook(Xlsx.Sheet("A1:D2", Xlsx.LongRows))[..300], "malformed-xlsx");
        yield return new("rows.json", U("[{\"zone\": \"lc-etdz\", \"value\": "), "malformed-json");
        yield return new("deep.json", U(new string('[', 5000) + new string(']', 5000)), "malformed-json");
        yield return new("scalar.json", U("42"), "malformed-json");
        yield return new("huge-number.json", U("[{\"zone\":\"lc-etdz\",\"indicator\":\"retail_sales\",\"period\":\"2022-05\",\"value\":1e400}]"), "value-out-of-range");
        yield return new("exponent.csv", Row(value: "1e40"), "value-out-of-range");
        yield return new("max-decimal-usd.csv", Row(indicator: "fdi_utilised", value: "79228162514264337593543950335", unit: "亿美元"), "value-out-of-range");
        yield return new("huge-yoy.csv", Row(yoy: "1e300"), "value-out-of-range");
        yield return new("28-nines.csv", Row(indicator: "general_budget_revenue", value: "9999999999999999999999999999"), "range-above-max");
        yield return new("yoy-7.9e28.csv", Row(yoy: "7.9e28"), "range-above-max");
        yield return new("rate-1500.csv", Row(indicator: "industrial_va_growth", value: "1500"), "range-above-max");
        yield return new("negative-flow.csv", Row(value: "-5"), "range-below-min");
        yield return new("share-150.csv", Row(indicator: "private_investment_share", value: "150"), "range-above-max");
        yield return new("half-firm.csv", Row(indicator: "high_tech_firms", value: "1.5"), "not-whole-number");
        yield return new("payroll-zone.csv", Row(zone: "张三,身份证 370102199001011234,工资 12345.67" + new string('x', 500)), "unknown-zone");
        yield return new("control-zone.csv", Row(zone: "lc-\u0001etdz\u001b[31m"), "unknown-zone");
        yield return new("formula-zone.csv", Row(zone: "=cmd|' /C calc'!A0"), "unknown-zone");
        yield return new("month-13.csv", Row(period: "2022-13"), "bad-period");
        yield return new("year-9999.csv", Row(period: "9999-01"), "bad-period");
        yield return new("unit-furlongs.csv", Row(unit: "furlongs"), "unknown-unit");
        yield return new("value-words.csv", Row(value: "thirty-five"), "bad-value");
        yield return new("value-nan.csv", Row(value: "NaN"), "bad-value");
        yield return new("yoy-words.csv", Row(yoy: "up"), "bad-yoy");
        yield return new("derived.csv", Row(indicator: "tax_per_mu"), "derived-indicator");
        yield return new("duplicate.csv", U(Head + "lc-etdz,retail_sales,2022-05,35,,\nlc-etdz,retail_sales,2022-05,36,,\n"), "duplicate-row");
        yield return new("no-value-column.csv", U("zone,indicator,period\nlc-etdz,retail_sales,2022-05\n"), "missing-column");
        yield return new("cell-5000.csv", Row(value: new string('9', 5000)), "cell-too-long");
        yield return new("old.xls", U("not really excel"), "unknown-file");
        yield return new("program.exe", [0x4D, 0x5A, 0x90, 0x00], "unknown-file");
        yield return new("zones.json", U("{\"zones\": [ {\"id\": "), "malformed-json");
        yield return new("validation-rules.json", U("{\"ranges\": [{\"id\": \"x\", \"min\": 5, \"max\": 1}]}"), "malformed-rules");
        yield return new("targets-bad.csv", U("zone,indicator,year,kind,target,unit,source\nlc-etdz,retail_sales,2022,sideways,80,亿元,x\n"), "bad-target-kind");
        yield return new("ranks-bad.csv", U("zone,evaluation,year,rank,of,grade,source\nlc-etdz,national,2021,0,230,,x\n"), "bad-rank");
    }

    public static readonly string[] UnsafeNames =
        ["../x.csv", "a/../../b.csv", "..\\b.csv", "./a.csv", "a//b.csv", "a.csv.", "tab\tname.csv", "del\u007F.csv"];

    [Fact]
    public async Task Every_hostile_file_and_name_gives_its_finding_and_changes_nothing()
    {
        var cases = Files().ToList();
        Assert.True(cases.Count + UnsafeNames.Length >= 40);
        var storage = new TestStorage();
        await CorpusTests.SeedAsync(storage.Pipeline());
        var references = new TableReferenceStore(storage.Clients);
        async Task<string> StateAsync()
        {
            var s = await CorpusTests.StoredAsync(storage);
            return string.Join('\n', s.Observations) + "\n" + string.Join('\n', s.History) + "\n" + (await references.LoadTargetsAsync()).Count
                   + "\n" + (await references.LoadOfficialRanksAsync()).Count + "\n" + await references.LoadValidationRulesAsync()
                   + "\n" + (await references.LoadRegistryAsync()).Zones.Count;
        }
        var before = await StateAsync();
        var failures = new List<string>();
        foreach (var c in cases)
        {
            try
            {
                var s = await storage.Pipeline().IngestAsync(new InputFile(c.Name, c.Content), c.Options ?? new IngestOptions());
                var codes = s.Findings.Select(f => f.Code).ToList();
                if (!codes.Contains(c.Code)) failures.Add($"{c.Name}: expected {c.Code}, got [{string.Join(", ", codes)}]");
                if (s.Counts.Imported + s.Counts.Updated > 0) failures.Add($"{c.Name}: wrote {s.Counts}");
                foreach (var f in s.Findings.Where(f => f.Message.Length > 600)) failures.Add($"{c.Name}: a {f.Message.Length}-character finding");
            }
            catch (Exception e) { failures.Add($"{c.Name}: {e.GetType().Name}: {e.Message}"); }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(before, await StateAsync());

        // The names, through the drop folder: each refused, none read, nothing outside incoming touched.
        var incoming = storage.Clients.Container(storage.Clients.Options.IncomingContainer);
        await incoming.CreateIfNotExistsAsync();
        foreach (var n in UnsafeNames) await BlobNameTests.PutRawAsync(incoming, n, Row(value: "99"));
        var run = await storage.Get<DropFolder>().ProcessAsync(storage.Pipeline(), new IngestOptions());
        Assert.Equal(UnsafeNames.Length, run.Imports.Count(s => s.Findings.Any(f => f.Code is "unsafe-blob-name" or "blob-not-found")));
        Assert.DoesNotContain(run.Imports, s => s.Counts.Imported + s.Counts.Updated > 0);
        Assert.Equal(before, await StateAsync());
    }
}
