using System.Text.Json;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Snapshots;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Reading;

namespace FunctionsZone.Integration.Tests.Pipeline;

/// <summary>
/// The seeds through ingest → recompute → publish on Azurite, then every statement of the speech read back
/// from the published snapshot as a portal reads it (issue 2's "Done when").
/// </summary>
public sealed class SeedFidelityTests : IClassFixture<SeedFidelityTests.SeededStorage>
{
    public sealed class SeededStorage : IAsyncLifetime
    {
        public TestStorage Storage { get; } = new();
        public Core.Pipeline.PipelineRun Run { get; private set; } = null!;
        public async Task InitializeAsync() => Run = await Storage.RunSeedsAsync();
        public Task DisposeAsync() => Task.CompletedTask;
    }

    private readonly SeededStorage _seeded;
    private readonly SnapshotReader _reader;

    public SeedFidelityTests(SeededStorage seeded)
    {
        _seeded = seeded;
        _reader = seeded.Storage.Cli.Reader();
    }

    private async Task<RankingEntry> LcEtdz(string indicator, Measure measure = Measure.Level, string period = "2022-05")
    {
        var ranking = await _reader.RankingAsync(period, indicator, "聊城市", measure);
        return ranking.Entries.Single(e => e.Zone == "lc-etdz");
    }

    [Fact]
    public void Every_seed_file_imports_without_errors()
    {
        Assert.All(_seeded.Run.Imports, s => Assert.NotEqual(ImportStatus.Error, s.Status));
        Assert.Contains(_seeded.Run.Imports, s => s.File == "observations.csv" && s.Counts.Imported > 300);
        Assert.NotNull(_seeded.Run.Snapshot);
        Assert.Contains("2022-05", _seeded.Run.Recomputed);
    }

    [Theory]
    [InlineData("规上工业增加值增速", 9.5, 4)]       // 1-5月 增速全市第4
    [InlineData("规上工业增加值当月增速", 12.9, 1)]  // 5月份当月增长12.9%，增速全市第1
    [InlineData("民间投资占比", 85.6, 1)]            // 位列全市第1
    [InlineData("一般公共预算收入", 9.39, 4)]        // 总量全市第4
    [InlineData("实际利用外资", 2474, 1)]            // 总量全市第1
    [InlineData("限额以上零售额", 33.4, 2)]          // 总量全市第2
    public async Task City_ranks_of_May_2022_are_the_speechs(string indicator, double value, int rank)
    {
        var e = await LcEtdz(indicator);
        Assert.Equal((decimal)value, e.Value);
        Assert.Equal(rank, e.Rank);
        Assert.Equal(11, e.Of);
    }

    [Fact]
    public async Task Private_investment_share_is_28_9_points_above_the_city()
    {
        var ranking = await _reader.RankingAsync("2022-05", "private_investment_share", "liaocheng-city", Measure.Level);
        Assert.Equal(56.7m, ranking.ReferenceValue);
        Assert.Equal(28.9m, ranking.Entries.Single(e => e.Zone == "lc-etdz").DifferencePoints);
    }

    [Fact]
    public async Task Rank_moves_against_April_and_last_May_are_computed()
    {
        var e = await LcEtdz("industrial_va_growth");
        Assert.Equal(6, e.PreviousRank);   // seeds/README.md: 2022-04 6th, 2021-05 9th (illustrative)
        Assert.Equal(2, e.MoveFromPrevious);
        Assert.Equal(9, e.YearAgoRank);
        Assert.Equal(5, e.MoveFromYearAgo);
    }

    [Fact]
    public async Task Official_ranks_and_their_moves()
    {
        var latest = await _reader.LatestAsync();
        var official = (await _reader.ReadAsync<List<OfficialRankMove>>(latest, "official-ranks.json"))!
            .Where(o => o.Zone == "lc-etdz" && o.Year == 2021).ToDictionary(o => o.Evaluation);
        Assert.Equal((116, 217, 192, 215, 76), (official["national"].Rank, official["national"].Of, official["national"].PreviousRank!.Value, official["national"].PreviousOf!.Value, official["national"].Move!.Value));
        Assert.Equal((143, 160, 112, -31), (official["provincial"].Rank, official["provincial"].Of, official["provincial"].PreviousRank!.Value, official["provincial"].Move!.Value));
        Assert.Equal((5, 11, 11, 6), (official["city"].Rank, official["city"].Of, official["city"].PreviousRank!.Value, official["city"].Move!.Value));
    }

    [Fact]
    public async Task Per_mu_figures_of_2021_against_Zoucheng()
    {
        var latest = await _reader.LatestAsync();
        var doc = await _reader.ReadAsync<JsonElement>(latest, "periods/2021/observations.json");
        decimal Value(string zone, string indicator) => doc.GetProperty("observations").EnumerateArray()
            .Single(o => o.GetProperty("zone").GetString() == zone && o.GetProperty("indicator").GetString() == indicator).GetProperty("value").GetDecimal();
        var taxOurs = Value("lc-etdz", "tax_per_mu");
        var taxZoucheng = Value("zoucheng-edz", "tax_per_mu");
        Assert.Equal(3.58m, Math.Round(taxOurs, 2));
        Assert.Equal(0.2m, Math.Round(taxOurs / taxZoucheng, 4));          // 仅为邹城经开区的五分之一
        var invOurs = Value("lc-etdz", "investment_per_mu");
        var invZoucheng = Value("zoucheng-edz", "investment_per_mu");
        Assert.Equal(16.91m, Math.Round(invOurs, 2));
        Assert.True(invOurs < invZoucheng / 3m, $"{invOurs} should be under a third of {invZoucheng}"); // 不足邹城经开区的三分之一
    }

    [Fact]
    public async Task Targets_of_2022_as_of_May()
    {
        var targets = await _reader.TargetsAsync("聊城经开区", 2022, "2022-05");
        Assert.All(targets, t => Assert.Equal(41.7m, t.TimeProgress));
        var byIndicator = targets.ToDictionary(t => t.Indicator);
        // Every target the speech lists.
        Assert.Equal(110m, byIndicator["manufacturing_firms"].Target);
        Assert.Equal(310m, byIndicator["manufacturing_revenue"].Target);
        Assert.Equal(20m, byIndicator["new_high_tech_firms"].Target);
        Assert.Equal(60m, byIndicator["new_tech_smes"].Target);
        Assert.Equal(13m, byIndicator["new_specialised_firms"].Target);
        Assert.Equal(2m, byIndicator["new_innovation_platforms"].Target);
        Assert.Equal(50m, byIndicator["projects_1yi"].Target);
        Assert.Equal(100m, byIndicator["projects_investment"].Target);
        Assert.Equal(3m, byIndicator["projects_10yi"].Target);
        Assert.Equal(40m, byIndicator["domestic_capital"].Target);
        Assert.Equal(90m, byIndicator["top_ten_industry_share"].Target);
        Assert.Equal(70m, byIndicator["industrial_concentration"].Target);
        Assert.Equal(18, targets.Count);
        // 进出口 +69.67% against +50%: on track (a year's growth is achieved only when the year is done).
        var trade = byIndicator["import_export"];
        Assert.Equal((50m, 69.67m, 139.3m, "on-track"), (trade.Target, trade.Actual!.Value, trade.Completion!.Value, trade.Status));
        // Completion only where the data has an actual; none invented.
        Assert.Null(byIndicator["new_tech_smes"].Completion);
        Assert.Equal(47.5m, byIndicator["manufacturing_revenue"].Completion);
        Assert.Equal(5.8m, byIndicator["manufacturing_revenue"].GapPoints);
    }

    [Fact]
    public async Task fz_prints_the_rankings_and_targets_as_json_with_the_documented_fields()
    {
        var (exit, output) = await _seeded.Storage.FzAsync("rankings", "--period", "2022-05", "--indicator", "规上工业增加值增速", "--group", "聊城市", "--json");
        Assert.Equal(0, exit);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(11, rows.Count);
        var ours = rows.Single(r => r.GetProperty("zone").GetString() == "lc-etdz");
        Assert.Equal(("聊城经济技术开发区", 9.5m, 4, 11), (ours.GetProperty("name").GetString()!, ours.GetProperty("value").GetDecimal(), ours.GetProperty("rank").GetInt32(), ours.GetProperty("of").GetInt32()));

        (exit, output) = await _seeded.Storage.FzAsync("targets", "--zone", "聊城经济技术开发区", "--year", "2022", "--as-of", "2022-05", "--json");
        Assert.Equal(0, exit);
        var trade = JsonDocument.Parse(output).RootElement.EnumerateArray().Single(t => t.GetProperty("indicator").GetString() == "import_export");
        foreach (var field in new[] { "indicator", "name", "target", "actual", "completion", "timeProgress", "gapPoints" })
            Assert.True(trade.TryGetProperty(field, out _), $"targets --json lacks '{field}'");
        Assert.Equal(41.7m, trade.GetProperty("timeProgress").GetDecimal());
    }

    [Fact]
    public async Task fz_prints_a_readable_table_without_json()
    {
        var (exit, output) = await _seeded.Storage.FzAsync("rankings", "--period", "2022-05", "--indicator", "民间投资占比", "--group", "liaocheng-city");
        Assert.Equal(0, exit);
        Assert.Contains("聊城经济技术开发区", output);
        Assert.Contains("1/11", output);
        Assert.Contains("28.9", output);
    }

    [Fact]
    public async Task Unknown_names_are_refused_clearly()
    {
        var e = await Assert.ThrowsAsync<Core.Registry.LookupException>(() => _reader.RankingAsync("2022-05", "NoSuchIndicator", "聊城市", Measure.Level));
        Assert.Contains("Unknown indicator 'NoSuchIndicator'", e.Message);
        var (exit, _) = await _seeded.Storage.FzAsync("rankings", "--period", "2022-05", "--indicator", "NoSuchIndicator", "--group", "聊城市");
        Assert.Equal(1, exit);
    }
}
