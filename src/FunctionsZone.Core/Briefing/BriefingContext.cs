using FunctionsZone.Core.Snapshots;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;

namespace FunctionsZone.Core.Briefing;

/// <summary>What every section writes with: the data, the wording, and the log that traces each number it writes.</summary>
public sealed class BriefingContext(BriefingData data, BriefingTemplate template)
{
    public BriefingData Data { get; } = data;
    public BriefingTemplate T { get; } = template;
    public FigureLog Figures { get; } = new();

    public int Month => Data.Period.Month!.Value;
    public string MonthName => T.MonthNames.Count >= Month ? T.MonthNames[Month - 1] : Month.ToString();

    /// <summary>Fills a pattern with the period's words ({year}, {month}, {monthName}, {monthOnly}) besides the given values.</summary>
    public string Fill(string pattern, params (string Key, string? Value)[] values)
    {
        var common = new List<(string, string?)>(values);
        if (pattern.Contains("{monthOnly}")) common.Add(("monthOnly", Fill(T.MonthOnly)));
        if (pattern.Contains("{year}")) common.Add(("year", Period(Data.Period.Year.ToString())));
        if (pattern.Contains("{month}")) common.Add(("month", Period(Month.ToString())));
        if (pattern.Contains("{monthName}")) common.Add(("monthName", MonthName));
        return BriefingText.Fill(pattern, common.ToArray());
    }

    /// <summary>The period as the title names it: 2022年1-5月 / January–May 2022.</summary>
    public string PeriodName() => Fill(Month == 1 ? T.PeriodName.January : T.PeriodName.Ytd);

    /// <summary>A part of the period, traced to the manifest's period list.</summary>
    public string Period(string text) => Figures.Add(text, decimal.Parse(text), SnapshotLayout.ManifestFile, "period");

    /// <summary>An observation's figure in its unit: 9.39亿.</summary>
    public string Value(Observation o, Indicator ind, string file) =>
        Figures.Add(BriefingNumber.WithUnit(T, o.Value!.Value, ind.Unit), o.Value.Value, file, "reported", ind.NameZh, o.Source);

    public string Amount(decimal value, string unit, string file, string basis, string? label = null, int? round = null, string? source = null) =>
        Figures.Add(BriefingNumber.WithUnit(T, round is { } r ? Math.Round(value, r) : value, unit), value, file, basis, label, source);

    /// <summary>A rate in %; round for our own arithmetic (computed growth is shown to 0.1, as the bureau writes rates).</summary>
    public string Percent(decimal value, string file, string basis, string? label = null, int? round = null, string? source = null) =>
        Figures.Add(BriefingNumber.Percent(T, round is { } r ? Math.Round(value, r) : value), value, file, basis, label, source);

    public string Points(decimal value, string file, string basis, string? label = null) =>
        Figures.Add(BriefingNumber.Points(T, value), Math.Abs(value), file, basis, label);

    public string Integer(int value, string file, string basis, string? label = null) =>
        Figures.Add(value.ToString(), value, file, basis, label);

    /// <summary>"增速全市第4" / "总量全市第1" / "位列全市第1": by measure, and for rates and shares by the indicator's kind.</summary>
    public string RankText(Indicator ind, Measure measure, RankingEntry e)
    {
        var key = measure == Measure.Growth ? "growth" : ind.Kind switch
        {
            IndicatorKind.Rate => "rate",
            IndicatorKind.Share => "share",
            _ => "level",
        };
        var pattern = T.Rank.GetValueOrDefault(key, "{rank}");
        return BriefingText.Fill(pattern,
            ("rank", Integer(e.Rank!.Value, Data.RankingsFile, "rank", ind.NameZh)),
            ("of", pattern.Contains("{of}") ? Integer(e.Of, Data.RankingsFile, "rank", ind.NameZh) : null));
    }

    public string MoveText(int? move) => move switch
    {
        null => "—",
        > 0 => BriefingText.Fill(T.Move["up"], ("n", move.ToString())),
        < 0 => BriefingText.Fill(T.Move["down"], ("n", (-move).ToString())),
        _ => T.Move["same"],
    };

    // English without an English name is the Chinese with the catalogue's marker (the import reported it), never silent.
    public string Name(Indicator ind) => Traced(UnitCatalogue.Name(ind.NameZh, ind.NameEn, T.Lang), SnapshotLayout.Indicators);
    public string Name(Zone z) => Traced(UnitCatalogue.Name(z.NameZh, z.NameEn, T.Lang), SnapshotLayout.Zones);
    /// <summary>A name as a ranking or target row carries it (zh and en), traced to that file.</summary>
    public string Name(string zhName, string enName, string file) => Traced(UnitCatalogue.Name(zhName, enName, T.Lang), file);

    /// <summary>
    /// A figure's label for the data note in the briefing's language: a zone's figure of an indicator (冠县 固定资产投资 /
    /// Guan County fixed-asset investment), names without English marked as everywhere else.
    /// </summary>
    public string Label(string zoneZh, string? zoneEn, Indicator ind) => T.Lang == "zh"
        ? $"{zoneZh} {ind.NameZh}"
        : $"{UnitCatalogue.Name(zoneZh, zoneEn, T.Lang)} {UnitCatalogue.Name(ind.NameZh, ind.NameEn, T.Lang)}";

    /// <summary>A name with digits in it (10亿元以上产业项目) is logged whole, so its digits are not taken for a figure.</summary>
    private string Traced(string name, string file) => name.Any(char.IsAsciiDigit) ? Figures.Add(name, null, file, "name") : name;
}
