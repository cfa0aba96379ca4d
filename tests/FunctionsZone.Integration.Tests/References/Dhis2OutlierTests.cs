using System.Text;
using System.Text.Json;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Tests.References;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.References;

/// <summary>
/// DHIS2's outlier-detection cases (dhis2-outlier-detection/cases.json): validation-rules.json set as DHIS2 computes
/// (method, threshold, "&gt;=", statistics over the series, optionally only from a window), the series ingested as a
/// file of its own, and the values flagged `outlier` must be exactly DHIS2's. The CSV-order cases do not apply
/// (docs/methods.md §11); their flagged values are those of the other cases.
/// </summary>
public sealed class Dhis2OutlierTests
{
    private static readonly JsonElement Cases = ReferenceCases.Json("dhis2-outlier-detection/cases.json");

    public static TheoryData<string> Flagging => new(Cases.GetProperty("cases").EnumerateArray()
        .Where(c => c.TryGetProperty("expected_outlier_values", out _) || c.TryGetProperty("expected_outlier", out _))
        .Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Flagging))]
    public async Task Flags_the_values_DHIS2_flags(string name)
    {
        var c = Cases.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var method = c.GetProperty("algorithm").GetString() == "Z_SCORE" ? "z" : "modified-z";
        // The series of the case: two data elements, or the single six-month series.
        var series = new Dictionary<string, IReadOnlyList<(string Period, decimal Value)>>();
        if (c.TryGetProperty("values_202001_to_202006", out var six))
            series["deA"] = six.EnumerateArray().Select((v, i) => ($"2020-{i + 1:00}", v.GetDecimal())).ToList();
        else
            foreach (var de in c.GetProperty("data").EnumerateArray().Select(d => d.GetString()!))
                series[de] = Cases.GetProperty("series").GetProperty(de).EnumerateObject().Select(p => ($"{p.Name[..4]}-{p.Name[4..]}", p.Value.GetDecimal())).ToList();
        var window = c.TryGetProperty("stats_from_data", out _) ? ", \"statisticsFrom\": \"2020-01\", \"statisticsTo\": \"2020-06\"" : "";
        var rules = $$"""
            { "version": 1, "ytdMonotonic": { "enabled": false },
              "outliers": { "enabled": true, "method": "{{method}}", "threshold": {{c.GetProperty("threshold").GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)}},
                            "comparison": ">=", "statistics": "series", "minHistory": 3, "historyMonths": 24, "severity": "warning"{{window}} } }
            """;
        var csv = new StringBuilder("zone,indicator,period,value\n");
        var rowValue = new Dictionary<int, decimal>();
        var row = 1;
        foreach (var (de, points) in series)
            foreach (var (period, value) in points) { csv.Append($"ou-a,{de},{period},{value}\n"); rowValue[++row] = value; }

        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        foreach (var f in new[]
        {
            new InputFile("indicators.json", Encoding.UTF8.GetBytes("""[{"code":"deA","nameZh":"DataElementA","unit":"","kind":"month"},{"code":"deB","nameZh":"DataElementB","unit":"","kind":"month"}]""")),
            new InputFile("zones.json", Encoding.UTF8.GetBytes("""[{"id":"ou-a","nameZh":"OrgUnitA"}]""")),
            new InputFile("validation-rules.json", Encoding.UTF8.GetBytes(rules)),
        })
            Assert.NotEqual(ImportStatus.Error, (await pipeline.IngestAsync(f, new IngestOptions())).Status);
        var summary = await pipeline.IngestAsync(new InputFile("dhis2-series.csv", Encoding.UTF8.GetBytes(csv.ToString())), new IngestOptions());

        var flagged = summary.Findings.Where(g => g.Code == "outlier").SelectMany(g => g.Rows).Select(r => rowValue[r]).Order().ToList();
        var expected = c.TryGetProperty("expected_outlier_values", out var values)
            ? values.EnumerateArray().Select(v => v.GetDecimal()).Order().ToList()
            : [c.GetProperty("expected_outlier").GetProperty("value").GetDecimal()];
        Assert.Equal(expected, flagged);
        if (c.TryGetProperty("expected_count", out var count)) Assert.Equal(count.GetInt32(), flagged.Count);
        // A warning: every figure is imported all the same.
        Assert.Equal(rowValue.Count, summary.Counts.Imported);
    }

    [Fact]
    public void The_comparison_decides_a_value_exactly_on_the_threshold()
    {
        // History 10, 11, 12, 12, 13, 14 (median 12, MAD 1): x = 12 + 3.5 / 0.6745 scores exactly 3.5 — flagged with ">=", not with ">".
        var x = 12m + 3.5m / 0.6745m;
        var score = Core.Ingest.Validation.ModifiedZScore.Score(x, [10, 11, 12, 12, 13, 14])!.Value;
        Assert.Equal(3.5m, Math.Round(score, 20));
        var strict = new Core.Ingest.Validation.OutlierRule { Threshold = 3.5m, Comparison = ">" };
        var dhis2 = strict with { Comparison = ">=" };
        Assert.Equal((false, true), (strict.Flags(Math.Round(score, 20)), dhis2.Flags(Math.Round(score, 20))));
    }
}
