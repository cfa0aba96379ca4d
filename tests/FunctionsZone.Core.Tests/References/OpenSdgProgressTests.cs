using FunctionsZone.Core.Targets;
using FunctionsZone.Tests.References;

namespace FunctionsZone.Core.Tests.References;

/// <summary>
/// Open SDG's published progress statuses (open-sdg-progress/cases.json, from tests/features/ProgressStatus.feature) for
/// the published input series and configuration: 1.5.4 on track, 1.5.3 deterioration. Case 1.1.1 is a status set by
/// hand and does not apply (docs/methods.md §11).
/// </summary>
public sealed class OpenSdgProgressTests
{
    private static readonly System.Text.Json.JsonElement Cases = ReferenceCases.Json("open-sdg-progress/cases.json");

    /// <summary>Open SDG's status words and FunctionsZone's classes (TargetThresholds.ClassOf).</summary>
    private static string OpenSdgStatus(string fzClass) => fzClass switch
    {
        "reached" => "target_achieved", "on-track" => "substantial_progress", "must-accelerate" => "moderate_progress",
        "limited" => "limited_progress", "deteriorating" => "deterioration", _ => fzClass,
    };

    private static System.Text.Json.JsonElement Case(string indicator) =>
        Cases.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("indicator").GetString() == indicator);

    [Fact]
    public void Indicator_1_5_4_is_on_track()
    {
        var c = Case("1.5.4");
        var cfg = c.GetProperty("config");
        var data = c.GetProperty("data_for_that_series");
        var r = SdgProgress.Classify(data.GetProperty("2015").GetDouble(), 2015, data.GetProperty("2016").GetDouble(), 2016,
            cfg.GetProperty("target").GetDouble(), cfg.GetProperty("target_year").GetInt32(), cfg.GetProperty("direction").GetString() == "positive");
        Assert.StartsWith(OpenSdgStatus(r.Class), c.GetProperty("expected_status").GetString());
        Assert.Equal(c.GetProperty("computed_NOT_from_source").GetProperty("R").GetDouble(), r.Ratio!.Value, 9);
    }

    [Fact]
    public void Indicator_1_5_3_is_deteriorating_in_both_units()
    {
        var c = Case("1.5.3");
        var cfg = c.GetProperty("config");
        foreach (var unit in c.GetProperty("data_for_that_series").EnumerateObject())
        {
            var r = SdgProgress.Classify(unit.Value.GetProperty("2015").GetDouble(), 2015, unit.Value.GetProperty("2016").GetDouble(), 2016,
                cfg.GetProperty("target").GetDouble(), cfg.GetProperty("target_year").GetInt32(), cfg.GetProperty("direction").GetString() == "positive");
            Assert.Equal(c.GetProperty("expected_status").GetString(), OpenSdgStatus(r.Class));
        }
        // Percent: R = 2.0 / −0.1423 = −14.05; Total: base = target, so R is undefined and the move away decides.
        var percent = SdgProgress.Classify(10, 2015, 30, 2016, 1, 2030, higherIsBetter: false);
        Assert.Equal(c.GetProperty("computed_NOT_from_source").GetProperty("Percent").GetProperty("R").GetDouble(), percent.Ratio!.Value, 9);
        Assert.Null(SdgProgress.Classify(1, 2015, 3, 2016, 1, 2030, higherIsBetter: false).Ratio);
    }

    [Fact]
    public void The_class_edges_are_open_sdgs_and_a_reached_target_overrides_all()
    {
        // thresholds_with_target: on track R ≥ 0.95; 0.60 ≤ R < 0.95 moderate; 0 ≤ R < 0.60 limited; R < 0 deterioration.
        var t = TargetThresholds.Default;
        Assert.Equal(["on-track", "must-accelerate", "must-accelerate", "limited", "limited", "deteriorating"],
            new[] { 0.95m, 0.9499m, 0.6m, 0.5999m, 0m, -0.0001m }.Select(r => t.ClassOf(r, false)));
        Assert.Equal("reached", t.ClassOf(-3m, reached: true));
        Assert.Equal("reached", SdgProgress.Classify(5, 2015, 9, 2016, 9, 2030, higherIsBetter: true).Class);
        // Every FunctionsZone class is one of Open SDG's statuses.
        var statuses = Cases.GetProperty("status_values").EnumerateArray().Select(v => v.GetString()!.Split(' ')[0]).ToList();
        Assert.All(new[] { "reached", "on-track", "must-accelerate", "limited", "deteriorating" }, c => Assert.Contains(OpenSdgStatus(c), statuses));
    }
}
