using System.Text;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests;

/// <summary>
/// The same month's figures in every accepted format and encoding — the bureau's wide table as a GBK CSV and as an
/// .xlsx with a sheet per zone, the long layout as UTF-8 CSV (with and without BOM), UTF-16, .xlsx and JSON — store
/// identical values.
/// </summary>
public class RoundTripTests
{
    private static string Samples => Path.Combine(TestStorage.SeedsFolder, "samples");

    private static byte[] LongCsv => File.ReadAllBytes(Path.Combine(Samples, "long-2022-05.csv"));

    public static TheoryData<string> Variants => new()
    {
        "wide-monthly-2022-05.gbk.csv", "wide-monthly-2022-05.xlsx", "wide-monthly-2022-05.csv",
        "long-2022-05.xlsx", "long-utf8-bom.csv", "long-utf16.csv", "long-gbk.csv", "long.json",
    };

    private static InputFile Variant(string name) => name switch
    {
        "wide-monthly-2022-05.gbk.csv" => new(name, File.ReadAllBytes(Path.Combine(Azurite.RepoRoot, "tests", "FunctionsZone.Integration.Tests", "RoundTrip", name))),
        "long-utf8-bom.csv" => new(name, [0xEF, 0xBB, 0xBF, .. LongCsv]),
        "long-utf16.csv" => new(name, Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(LongCsv))).ToArray()),
        "long-gbk.csv" => new(name, TextDecoding.Gb18030.GetBytes(Encoding.UTF8.GetString(LongCsv))),
        "long.json" => new(name, Encoding.UTF8.GetBytes(ToJson(Encoding.UTF8.GetString(LongCsv)))),
        _ => new(name, File.ReadAllBytes(Path.Combine(Samples, name))),
    };

    private static string ToJson(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(','))
            .Where(p => p.Second.Length > 0).ToDictionary(p => p.First, p => (object)p.Second));
        return System.Text.Json.JsonSerializer.Serialize(new { rows });
    }

    private static async Task<List<string>> StoredAfter(InputFile file)
    {
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        foreach (var f in new[] { "indicators.json", "groups.json", "zones.json" })
            await pipeline.IngestAsync(CorpusTests.Read(Path.Combine(TestStorage.SeedsFolder, f)), new IngestOptions());
        var summary = await pipeline.IngestAsync(file, new IngestOptions());
        Assert.NotEqual(ImportStatus.Error, summary.Status);
        // Value and reported growth as stored (text in the table), so 9.39 and 9.390 would differ.
        var stored = await CorpusTests.StoredAsync(storage);
        return stored.Observations.Select(s => string.Join('|', s.Split('|')[..5])).ToList();
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Every_format_and_encoding_stores_the_same_values_as_the_utf8_long_csv(string variant)
    {
        var expected = await StoredAfter(new InputFile("long-2022-05.csv", LongCsv));
        Assert.Equal(19, expected.Count);
        Assert.Contains("lc-etdz|tech_renovation_investment|2022-05|4.71|10.2", expected);
        Assert.Equal(expected, await StoredAfter(Variant(variant)));
    }
}
