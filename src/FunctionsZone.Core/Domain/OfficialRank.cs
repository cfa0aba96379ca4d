namespace FunctionsZone.Core.Domain;

/// <summary>
/// A published evaluation result: 国评 (national), 省评 (provincial) or 市对区考核 (city). A rank carries its field: Of is
/// the size of the field it was ranked in (国评 2022: 230 国家级经开区), which a published partial list states — a
/// province's 9 zones listed with their national places are ranked "of 230", never "of 9".
/// </summary>
public sealed record OfficialRank
{
    public required string Zone { get; init; }
    public required string Evaluation { get; init; }
    /// <summary>The evaluation year, as the published title names it (「2022年国家级经开区综合发展水平考核评价」 → 2022).</summary>
    public required int Year { get; init; }
    /// <summary>The year whose data the evaluation scored; null in files and entities written before it existed (see DataYearOf).</summary>
    public int? DataYear { get; init; }
    public required int Rank { get; init; }
    /// <summary>The field size: how many units the rank is among.</summary>
    public required int Of { get; init; }
    /// <summary>The field's scope where the list states one (全国国家级经开区, 全省省级开发区); null: the evaluation's whole field.</summary>
    public string? Field { get; init; }
    /// <summary>等次 in the city evaluation (一等 … 四等), where published.</summary>
    public string? Grade { get; init; }
    public string? Source { get; init; }

    /// <summary>
    /// The data year, by default the year before the evaluation year: an evaluation named for year N is published in N or
    /// N + 1 and scores the last full year's statistics (docs/methods.md §6). A file states `dataYear` where it differs.
    /// </summary>
    public static int DataYearOf(OfficialRank r) => r.DataYear ?? r.Year - 1;
}
