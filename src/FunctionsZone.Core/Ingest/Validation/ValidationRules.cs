using System.Text.Json;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ingest.Validation;

/// <summary>
/// The checks an import runs, as data (seeds/validation-rules.json; schema in docs/ingest.md). A default copy of
/// that file is built into Core; importing a validation-rules.json stores a replacement in fzRegistry.
/// </summary>
public sealed record ValidationRules
{
    public int Version { get; init; } = 1;
    public IReadOnlyList<RangeRule> Ranges { get; init; } = [];
    public YtdRule YtdMonotonic { get; init; } = new();
    public IReadOnlyList<PartWholeRule> PartWhole { get; init; } = [];
    public OutlierRule Outliers { get; init; } = new();

    public const string FileName = "validation-rules.json";

    private static readonly Lazy<ValidationRules> DefaultRules = new(() =>
    {
        using var s = typeof(ValidationRules).Assembly.GetManifestResourceStream("FunctionsZone.Core.validation-rules.json")
            ?? throw new InvalidOperationException("validation-rules.json is not embedded in FunctionsZone.Core");
        using var r = new StreamReader(s);
        return Parse(r.ReadToEnd());
    });

    /// <summary>The rules built from seeds/validation-rules.json at compile time.</summary>
    public static ValidationRules Default => DefaultRules.Value;

    public static ValidationRules Parse(string json)
    {
        try
        {
            var rules = JsonSerializer.Deserialize<ValidationRules>(json, Json.Options)
                ?? throw new InvalidDataException("validation-rules.json is empty");
            rules.Check();
            return rules;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{FileName} 格式错误（{e.Path}，第 {e.LineNumber + 1} 行）：{e.Message} / {FileName} is malformed at {e.Path}, line {e.LineNumber + 1}: {e.Message}", e);
        }
    }

    /// <summary>
    /// The tightest bounds the error-severity range rules put on an indicator's figure (field "value", or "yoy" for a
    /// growth rate): what an import refuses outside. What-if and 短板 read them so they never propose such a value.
    /// </summary>
    public ValueBound BoundsOf(Indicator indicator, string field = "value")
    {
        RangeRule? low = null, high = null;
        foreach (var r in Ranges.Where(r => r.Severity == Severity.Error && r.Field == field && r.AppliesTo(indicator)))
        {
            if (r.Min is { } lo && (low is null || lo > low.Min)) low = r;
            if (r.Max is { } hi && (high is null || hi < high.Max)) high = r;
        }
        return new ValueBound(low?.Min, high?.Max, low, high);
    }

    private void Check()
    {
        foreach (var r in Ranges)
        {
            if (string.IsNullOrWhiteSpace(r.Id)) throw new InvalidDataException($"{FileName}：ranges 的每条规则需要 id / every range rule needs an id");
            if (r.Field is not ("value" or "yoy")) throw new InvalidDataException($"{FileName}：规则 {r.Id} 的 field 应为 value 或 yoy / rule {r.Id}: field must be value or yoy");
            if (r.Min is { } lo && r.Max is { } hi && lo > hi) throw new InvalidDataException($"{FileName}：规则 {r.Id} 的 min 大于 max / rule {r.Id} has min > max");
        }
        foreach (var p in PartWhole)
        {
            if (string.IsNullOrWhiteSpace(p.Part) || string.IsNullOrWhiteSpace(p.Whole))
                throw new InvalidDataException($"{FileName}：partWhole 的每条规则需要 part 和 whole / every partWhole rule needs part and whole");
        }
        if (Outliers.Threshold <= 0) throw new InvalidDataException($"{FileName}：outliers.threshold 必须为正数 / outliers.threshold must be positive");
        if (Outliers.Comparison is not (">" or ">="))
            throw new InvalidDataException($"{FileName}：outliers.comparison 应为 \">\" 或 \">=\"，不是「{Outliers.Comparison}」 / outliers.comparison must be \">\" or \">=\", not '{Outliers.Comparison}'");
    }
}

/// <summary>
/// A bound on values. It applies to an indicator when the indicator is listed, or its kind or its unit is
/// (an empty list matches everything on that axis; all three empty matches every indicator).
/// </summary>
public sealed record RangeRule
{
    public required string Id { get; init; }
    public IReadOnlyList<string> Indicators { get; init; } = [];
    public IReadOnlyList<IndicatorKind> Kinds { get; init; } = [];
    public IReadOnlyList<string> Units { get; init; } = [];
    /// <summary>Which figure the bound is on: "value" (default) or "yoy", the reported 同比 growth in %.</summary>
    public string Field { get; init; } = "value";
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    /// <summary>Counts of firms, projects, patents: the value must be a whole number.</summary>
    public bool Whole { get; init; }
    public Severity Severity { get; init; } = Severity.Error;
    public string? NoteZh { get; init; }
    public string? NoteEn { get; init; }

    public bool AppliesTo(Indicator i) =>
        (Indicators.Count == 0 || Indicators.Contains(i.Code, StringComparer.OrdinalIgnoreCase))
        && (Kinds.Count == 0 || Kinds.Contains(i.Kind))
        && (Units.Count == 0 || Units.Contains(i.Unit));
}

/// <summary>The range an import accepts for a figure, and the rules that set each end (null: unbounded).</summary>
public sealed record ValueBound(decimal? Min, decimal? Max, RangeRule? MinRule, RangeRule? MaxRule)
{
    public static ValueBound None { get; } = new(null, null, null, null);
}

/// <summary>1-N月累计 never falls within a year: 1-5月 ≥ 1-4月 for indicators of kind ytd.</summary>
public sealed record YtdRule
{
    public bool Enabled { get; init; } = true;
    /// <summary>A fall smaller than this (in the indicator's unit) is let pass, for rounding.</summary>
    public decimal Tolerance { get; init; }
    public Severity Severity { get; init; } = Severity.Error;
}

/// <summary>A part never exceeds its whole for the same zone and period (技改投资 ≤ 固定资产投资).</summary>
public sealed record PartWholeRule
{
    public required string Part { get; init; }
    public required string Whole { get; init; }
    public Severity Severity { get; init; } = Severity.Error;
}

/// <summary>The outlier score (docs/ingest.md §5): the modified z-score or the z-score, as DHIS2 offers both.</summary>
public enum OutlierMethod { ModifiedZ, Z }

/// <summary>What the statistics are taken over: the zone's other periods, or the whole series with the file's values in it (DHIS2).</summary>
public enum OutlierStatistics { History, Series }

/// <summary>
/// Outliers against the zone's own figures. Modified z-score M = 0.6745 × (x − median) / MAD (Iglewicz and Hoaglin, DHIS2
/// MOD_Z_SCORE) or z = (x − mean) / population sd (DHIS2 Z_SCORE), flagged when |score| &gt; threshold, or ≥ with
/// comparison "&gt;=" as DHIS2 compares. YTD values are compared as monthly averages (value ÷ months), so 1-2月 and
/// 1-11月 are comparable.
/// </summary>
public sealed record OutlierRule
{
    public bool Enabled { get; init; } = true;
    public OutlierMethod Method { get; init; } = OutlierMethod.ModifiedZ;
    public decimal Threshold { get; init; } = 3.5m;
    /// <summary>"&gt;" (Iglewicz and Hoaglin's "greater than 3.5", the default) or "&gt;=" (DHIS2).</summary>
    public string Comparison { get; init; } = ">";
    /// <summary>history: the zone's stored figures of other periods; series: every figure of the series in the window, the file's own included.</summary>
    public OutlierStatistics Statistics { get; init; } = OutlierStatistics.History;
    /// <summary>Only figures of these periods enter the statistics (DHIS2's dataStartDate / dataEndDate); every figure of the file is still tested.</summary>
    public Period? StatisticsFrom { get; init; }
    public Period? StatisticsTo { get; init; }
    /// <summary>Fewer figures than this in the statistics and no check is made: a median of three says little.</summary>
    public int MinHistory { get; init; } = 6;
    /// <summary>How far back the history reaches: this many months before the file's earliest month (and as many years).</summary>
    public int HistoryMonths { get; init; } = 36;
    public Severity Severity { get; init; } = Severity.Warning;

    public bool Flags(decimal score) => Comparison == ">=" ? Math.Abs(score) >= Threshold : Math.Abs(score) > Threshold;

    public bool InStatistics(Period p) => (StatisticsFrom is not { } from || p.CompareTo(from) >= 0) && (StatisticsTo is not { } to || p.CompareTo(to) <= 0);
}
