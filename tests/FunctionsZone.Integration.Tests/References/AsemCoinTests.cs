using System.Text.Json;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Tests.References;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.References;

/// <summary>The ASEM coin ingested into Azurite (zones, indicators, observations, scheme files) and run through the whole pipeline once.</summary>
public sealed class AsemCoinStorage : IAsyncLifetime
{
    public TestStorage Storage { get; } = new();
    public PipelineRun? Run { get; private set; }

    public async Task InitializeAsync() => Run = await Storage.Pipeline().RunAsync(AsemInputs.Coin(AsemInputs.ThreeLevelScheme()), new IngestOptions());

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// COINr's ASEM index (coinr-asem-coin): every min-max value, every score and every rank, read back from the published
/// composite with fz composite --json, as a user reads it. Scores are published to 4 decimals and normalised values
/// to 6 (on 0–1), so a value agrees when it lies within half a unit of the last published digit.
/// </summary>
public sealed class AsemCoinTests(AsemCoinStorage asem) : IClassFixture<AsemCoinStorage>
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Normalised = ReferenceCases.Csv("coinr-asem-coin/expected_normalised_minmax_0_100.csv");
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Scores = ReferenceCases.Csv("coinr-asem-coin/expected_aggregated_scores.csv");
    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Ranks = ReferenceCases.Csv("coinr-asem-coin/expected_ranks_published.csv");
    private static readonly string[] Pillars = ["ConEcFin", "Instit", "P2P", "Physical", "Political", "Environ", "Social", "SusEcFin"];

    private async Task<Dictionary<string, JsonElement>> CompositeAsync(string scheme)
    {
        var (exit, output) = await asem.Storage.FzAsync("composite", "--scheme", scheme, "--period", AsemInputs.Period, "--json");
        Assert.True(exit == 0, output);
        return JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(z => z.GetProperty("zone").GetString()!, z => z.Clone());
    }

    private static double Category(JsonElement zone, string id, string field) =>
        zone.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("category").GetString() == id).GetProperty(field).GetDouble();

    private static void Near(double expected, double actual, double halfUnit, string what) =>
        Assert.True(Math.Abs(expected - actual) <= halfUnit + 1e-9, $"{what}: published {actual}, COINr {expected}");

    [Fact]
    public void Every_file_was_imported_without_an_error()
    {
        Assert.All(asem.Run!.Imports, s => Assert.NotEqual(ImportStatus.Error, s.Status));
        Assert.Contains(asem.Run.Imports, s => s.Kind == "scheme" && s.File == "scheme_constructed.json" && s.Counts.Imported == 1);
        Assert.Equal(2499, asem.Run.Imports.Single(s => s.File == "asem-treated-2018.csv").Counts.Imported);
    }

    [Fact]
    public async Task All_2499_min_max_values_match()
    {
        var zones = await CompositeAsync("coinr-asem-heldout");
        Assert.Equal(51, zones.Count);
        var n = 0;
        foreach (var row in Normalised)
        {
            var indicators = zones[row["UnitCode"]].GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("indicator").GetString()!, i => i.GetProperty("normalised").GetDouble());
            foreach (var (code, text) in row.Where(kv => kv.Key != "UnitCode"))
            {
                Near(ReferenceCases.Number(text), 100 * indicators[code], 100 * 0.5e-6, $"{row["UnitCode"]} {code}");
                n++;
            }
        }
        Assert.Equal(2499, n);
    }

    [Fact]
    public async Task The_constructed_two_level_scheme_reproduces_the_index_and_the_eight_pillars()
    {
        var zones = await CompositeAsync("COINr ASEM 示例(外部对照)"); // by its 中文名
        foreach (var row in Scores)
        {
            var z = zones[row["UnitCode"]];
            Near(ReferenceCases.Number(row["Index"]), z.GetProperty("score").GetDouble(), 0.5e-4, $"{row["UnitCode"]} Index");
            foreach (var p in Pillars) Near(ReferenceCases.Number(row[p]), Category(z, p, "score"), 0.5e-4, $"{row["UnitCode"]} {p}");
        }
    }

    [Fact]
    public async Task Ranked_in_full_precision_only_the_two_documented_2dp_ties_differ_from_the_published_ranks()
    {
        var zones = await CompositeAsync("coinr-asem-heldout");
        var differ = new List<string>();
        foreach (var row in Ranks)
        {
            var z = zones[row["UnitCode"]];
            if (z.GetProperty("rank").GetInt32() != int.Parse(row["Index"])) differ.Add($"{row["UnitCode"]}/Index");
            foreach (var p in Pillars)
                if ((int)Category(z, p, "rank") != int.Parse(row[p])) differ.Add($"{row["UnitCode"]}/{p}");
        }
        // SOURCE.md: RUS on ConEcFin and PRT on Instit tie at 2 decimals but not in full precision.
        Assert.Equal(["PRT/Instit", "RUS/ConEcFin"], differ.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Its_own_three_levels_reproduce_all_561_scores_and_ranks()
    {
        var zones = await CompositeAsync("coinr-asem-3");
        var columns = Scores[0].Keys.Where(k => k != "UnitCode").ToList();
        Assert.Equal(11, columns.Count); // 8 pillars, 2 sub-indices, the index
        int scores = 0, ranks = 0;
        foreach (var row in Scores)
        {
            var z = zones[row["UnitCode"]];
            foreach (var col in columns)
            {
                var got = col == "Index" ? z.GetProperty("score").GetDouble() : Category(z, col, "score");
                Near(ReferenceCases.Number(row[col]), got, 0.5e-4, $"{row["UnitCode"]} {col}");
                scores++;
            }
        }
        foreach (var row in Ranks)
        {
            var z = zones[row["UnitCode"]];
            foreach (var col in columns)
            {
                var got = col == "Index" ? z.GetProperty("rank").GetInt32() : (int)Category(z, col, "rank");
                Assert.True(got == int.Parse(row[col]), $"{row["UnitCode"]} {col}: rank {got}, COINr {row[col]}");
                ranks++;
            }
        }
        Assert.Equal((561, 561), (scores, ranks));
        // The tree is published: Conn and Sust at level 1, their pillars at level 2 under them.
        var che = zones["CHE"].GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(1, che.Single(c => c.GetProperty("category").GetString() == "Conn").GetProperty("level").GetInt32());
        Assert.Equal("Sust", che.Single(c => c.GetProperty("category").GetString() == "Social").GetProperty("parent").GetString());
    }
}
