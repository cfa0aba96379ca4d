using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Ingest.Validation;

namespace FunctionsZone.Core.Tests.Ingest;

public class ValidationTests
{
    private static Observation O(string ind, string period, decimal? value, string zone = "lc-etdz") =>
        new() { Zone = zone, Indicator = ind, Period = Period.Parse(period), Value = value };

    private static List<Finding> Check(IReadOnlyList<Observation> file, IReadOnlyList<Observation>? stored = null, ValidationRules? rules = null) =>
        new ObservationValidator(Repo.Registry, rules ?? ValidationRules.Default)
            .Validate(file.Select((o, i) => new ResolvedRow(i + 2, "value", o)).ToList(), stored ?? []);

    [Fact]
    public void The_worked_example_of_the_modified_z_score()
    {
        // docs/ingest.md: median 12, MAD 1, 0.6745 × (30 − 12) / 1 = 12.141.
        Assert.Equal(12m, ModifiedZScore.Median([10, 11, 12, 12, 13, 14]));
        Assert.Equal(12.141m, ModifiedZScore.Score(30, [10, 11, 12, 12, 13, 14]));
        Assert.Null(ModifiedZScore.Score(30, [5, 5, 5, 6]));
    }

    [Fact]
    public void The_default_rules_are_the_seeds_file()
    {
        var seeds = ValidationRules.Parse(File.ReadAllText(Path.Combine(Repo.Seeds, "validation-rules.json")));
        Assert.Equal(seeds.Outliers, ValidationRules.Default.Outliers);
        Assert.Equal(3.5m, ValidationRules.Default.Outliers.Threshold);
        Assert.Equal(seeds.Ranges.Select(r => r.Id), ValidationRules.Default.Ranges.Select(r => r.Id));
    }

    [Fact]
    public void Counts_must_be_whole_and_shares_within_0_to_100()
    {
        var f = Check([O("manufacturing_firms", "2022-05", 104.5m), O("private_investment_share", "2022-05", 105m), O("high_tech_firms", "2022-05", -1m)]);
        Assert.Contains(f, x => x is { Code: "not-whole-number", Row: 2, Indicator: "manufacturing_firms" });
        Assert.Contains(f, x => x is { Code: "range-above-max", Row: 3, Indicator: "private_investment_share" });
        Assert.Contains(f, x => x is { Code: "range-below-min", Row: 4, Indicator: "high_tech_firms" });
        Assert.All(f, x => Assert.Equal(Severity.Error, x.Severity));
    }

    [Fact]
    public void A_year_to_date_figure_cannot_fall_within_the_file_or_against_what_is_stored()
    {
        var inFile = Check([O("fixed_asset_investment", "2022-04", 40m), O("fixed_asset_investment", "2022-05", 38.4m)]);
        var f = Assert.Single(inFile, x => x.Code == "ytd-decrease");
        Assert.Equal(3, f.Row);
        Assert.Contains("第 2 行", f.MessageZh);

        var stored = Check([O("fixed_asset_investment", "2022-05", 38.4m)], [O("fixed_asset_investment", "2022-04", 40m)]);
        Assert.Contains(stored, x => x is { Code: "ytd-decrease", Row: 2, Period: "2022-05" });

        // A new year starts again from zero: 1-1月 2023 below 1-12月 2022 is fine.
        Assert.Empty(Check([O("fixed_asset_investment", "2023-01", 5m)], [O("fixed_asset_investment", "2022-12", 90m)]));
    }

    [Fact]
    public void A_part_cannot_exceed_its_whole()
    {
        var f = Check([O("tech_renovation_investment", "2022-05", 50m)], [O("fixed_asset_investment", "2022-05", 38.4m)]);
        var x = Assert.Single(f, x => x.Code == "part-exceeds-whole");
        Assert.Equal("tech_renovation_investment", x.Indicator);
        Assert.Contains("固定资产投资", x.MessageZh);
        Assert.Empty(Check([O("tech_renovation_investment", "2022-05", 4.71m)], [O("fixed_asset_investment", "2022-05", 38.4m)]));
    }

    [Fact]
    public void An_outlier_against_the_zones_own_history_is_a_warning_with_a_configurable_threshold()
    {
        var history = new[] { 10m, 11m, 12m, 12m, 13m, 14m }.Select((v, i) => O("private_investment_share", $"2021-{i + 1:D2}", v)).ToList();
        var f = Check([O("private_investment_share", "2022-05", 30m)], history);
        var x = Assert.Single(f, x => x.Code == "outlier");
        Assert.Equal(Severity.Warning, x.Severity);
        Assert.Contains("12.1", x.MessageEn);
        Assert.Empty(Check([O("private_investment_share", "2022-05", 14m)], history));
        var lax = ValidationRules.Default with { Outliers = ValidationRules.Default.Outliers with { Threshold = 20m } };
        Assert.DoesNotContain(Check([O("private_investment_share", "2022-05", 30m)], history, lax), x => x.Code == "outlier");
        // Another zone's history is not this zone's.
        Assert.Empty(Check([O("private_investment_share", "2022-05", 30m, "dongchangfu")], history));
    }

    [Fact]
    public void The_seed_observations_pass_every_rule()
    {
        var findings = new List<Finding>();
        var file = new InputFile("observations.csv", File.ReadAllBytes(Path.Combine(Repo.Seeds, "observations.csv")));
        var rows = new RowResolver(Repo.Registry).Resolve(ObservationFileReader.Read(new FunctionsZone.Formats.CsvTableReader(), file, Repo.Registry, findings), file.Name, findings);
        findings.AddRange(new ObservationValidator(Repo.Registry, ValidationRules.Default).Validate(rows, []));
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => f.Message)));
    }

    [Fact]
    public void An_import_reads_only_the_stored_periods_its_checks_need()
    {
        var stored = new[] { "2018-05", "2019-05", "2020-12", "2021", "2021-05", "2022-01", "2022-04", "2022-05", "2023-01", "2024" }.Select(Period.Parse).ToList();
        var rows = new[] { O("fixed_asset_investment", "2022-05", 38.4m) }.Select(o => new ResolvedRow(2, "value", o)).ToList();
        var read = ObservationValidator.PeriodsToRead(rows, ValidationRules.Default, stored).Select(p => p.ToString()).ToList();
        // Outliers: 12 months back from 2022-05 is 2021-05, and the year 2021; YTD: the stored neighbour 2022-04
        // (none after it in 2022); nothing older, nothing after the file's year.
        Assert.Equal(["2021-05", "2021", "2022-01", "2022-04", "2022-05"], read);
    }
}
