using System.Text.Json;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Integration.Tests.Evaluation;

/// <summary>
/// seeds/examples/own-scheme: a user's own zones, indicators, figures and scheme file, run with fz run --seeds and read
/// back with fz composite — no rebuild, the scheme is data. Then the scheme is changed and ingested again: version 2.
/// </summary>
public sealed class OwnSchemeExampleTests
{
    private static readonly string Folder = Path.Combine(TestStorage.SeedsFolder, "examples", "own-scheme");

    [Fact]
    public async Task Own_scheme_on_own_zones_gives_per_zone_per_indicator_normalised_values()
    {
        var s = new TestStorage();
        var (runExit, runOutput) = await s.FzAsync("run", "--seeds", Folder);
        Assert.True(runExit == 0, runOutput);
        var (exit, output) = await s.FzAsync("composite", "--scheme", "示例园区2023年度考核办法", "--period", "2023", "--json");
        Assert.True(exit == 0, output);
        var zones = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(z => z.GetProperty("zone").GetString()!);
        Assert.Equal(4, zones.Count);
        double Normalised(string zone, string indicator) => zones[zone].GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("indicator").GetString() == indicator).GetProperty("normalised").GetDouble();
        // The README's numbers: output 120, 80, 200, 40 → 0.5, 0.25, 1, 0; energy (lower is better) 0.5, 0.3, 0.9, 0.4 → 2/3, 1, 0, 5/6.
        Assert.Equal([0.5, 0.25, 1, 0], new[] { "park-a", "park-b", "park-c", "park-d" }.Select(z => Normalised(z, "park_output")));
        Assert.Equal([0.666667, 1, 0, 0.833333], new[] { "park-a", "park-b", "park-c", "park-d" }.Select(z => Normalised(z, "park_energy")));
        // B: 50% × 0.25 + 50% × (3/5 × 1 + 2/5 × 1) = 62.5.
        Assert.Equal(62.5, zones["park-b"].GetProperty("score").GetDouble(), 4);
        var reader = new EvaluationReader(s.Get<SnapshotReader>());
        Assert.Equal(1, (await reader.CompositeAsync("my-parks-2023", "2023")).SchemeVersion);

        // The same scheme by its alias, for weak points and what-if.
        var (wExit, weak) = await s.FzAsync("weakpoints", "--zone", "示例丁园区", "--scheme", "园区考核", "--period", "2023", "--json");
        Assert.True(wExit == 0, weak);
        var (fExit, whatif) = await s.FzAsync("whatif", "--zone", "park-d", "--indicator", "园区工业产值", "--scheme", "my-parks-2023", "--period", "2023", "--json");
        Assert.True(fExit == 0, whatif);

        // A changed file is the scheme's next version, and the next snapshot says which version it evaluated.
        var changed = Directory.CreateTempSubdirectory("fz-own-scheme-").FullName;
        var text = File.ReadAllText(Path.Combine(Folder, "2023考核办法.json")).Replace("\"weight\": 50, \"indicators\": [ { \"indicator\": \"park_output\" } ]", "\"weight\": 80, \"indicators\": [ { \"indicator\": \"park_output\" } ]");
        Assert.Contains("\"weight\": 80", text);
        File.WriteAllText(Path.Combine(changed, "考核办法-修订.json"), text);
        var (iExit, ingest) = await s.FzAsync("ingest", Path.Combine(changed, "考核办法-修订.json"), "--json");
        Assert.True(iExit == 0, ingest);
        Assert.Equal(1, JsonDocument.Parse(ingest).RootElement.GetProperty("counts").GetProperty("updated").GetInt32());
        Assert.Equal(0, (await s.FzAsync("recompute", "--period", "2023")).Exit);
        Assert.Equal(0, (await s.FzAsync("publish")).Exit);
        var result = await reader.CompositeAsync("my-parks-2023", "2023");
        Assert.Equal(2, result.SchemeVersion);
        Assert.Equal(80, result.Definition.Categories[0].Weight);
        Directory.Delete(changed, recursive: true);
    }
}
