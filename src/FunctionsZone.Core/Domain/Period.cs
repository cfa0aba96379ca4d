using System.Globalization;
using System.Text.RegularExpressions;

namespace FunctionsZone.Core.Domain;

/// <summary>The grain of a period as a bureau writes it.</summary>
public enum PeriodGrain { Month, Quarter, Year }

/// <summary>
/// A reporting period: a month ("2022-05", which for YTD flows means 1-5月 cumulative), a year ("2021"), or — as a
/// file states it, before it is stored — a quarter ("2022Q1"). Figures are stored by month or year only
/// (RowResolver maps a quarter onto its last month where the indicator allows, docs/ingest.md §2), so rankings,
/// targets and snapshots keep working on months.
/// </summary>
public readonly partial record struct Period(int Year, int? Month) : IComparable<Period>
{
    /// <summary>1–4 for a quarter period (Month is then null); null otherwise.</summary>
    public int? Quarter { get; init; }

    public bool IsMonth => Month.HasValue;

    public PeriodGrain Grain => Month.HasValue ? PeriodGrain.Month : Quarter.HasValue ? PeriodGrain.Quarter : PeriodGrain.Year;

    public static Period OfMonth(int year, int month) => new(year, month);
    public static Period OfYear(int year) => new(year, null);
    public static Period OfQuarter(int year, int quarter) => new(year, null) { Quarter = quarter };

    /// <summary>A stored period: a month or a year. A quarter (2022Q1) is refused here; files go through TryParseReported.</summary>
    public static bool TryParse(string? text, out Period period) =>
        TryParseReported(text, out period, out _) && period.Grain != PeriodGrain.Quarter;

    /// <summary>
    /// The one parser of periods, for every way a bureau writes one: a month (2022-05, 2022年5月, 202205), a year
    /// (2022, 2022年), a quarter (2022Q1, 2022年一季度, 2022年第1季度) and a year to date (2022年1-5月, 2022年上半年 =
    /// 1-6月, 2022年前三季度 = 1-9月), which is the month it runs to with <paramref name="yearToDate"/> set.
    /// </summary>
    public static bool TryParseReported(string? text, out Period period, out bool yearToDate)
    {
        period = default;
        yearToDate = false;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().Replace(" ", "").Replace("\u3000", "");
        int year;
        if (YtdPattern().Match(t) is { Success: true } ytd)
        {
            year = Int(ytd.Groups[1].Value);
            var to = ytd.Groups[2].Success ? Int(ytd.Groups[2].Value) : ytd.Groups[3].Value == "上半年" ? 6 : 9;
            yearToDate = true;
            return Valid(year, to, 12) && Set(OfMonth(year, to), out period);
        }
        if (QuarterPattern().Match(t) is { Success: true } q)
        {
            year = Int(q.Groups[1].Value);
            var d = q.Groups[2].Success ? q.Groups[2].Value : q.Groups[3].Value;
            var n = "一二三四".IndexOf(d[0]) is var k and >= 0 ? k + 1 : Int(d);
            return Valid(year, n, 4) && Set(OfQuarter(year, n), out period);
        }
        if (MonthPattern().Match(t) is { Success: true } m)
        {
            year = Int(m.Groups[1].Value);
            var mo = Int(m.Groups[2].Value);
            return Valid(year, mo, 12) && Set(OfMonth(year, mo), out period);
        }
        if (YearPattern().Match(t) is { Success: true } y)
            return Valid(year = Int(y.Groups[1].Value), 1, 1) && Set(OfYear(year), out period);
        return false;
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
    private static bool Valid(int year, int n, int max) => year is >= 1900 and <= 2200 && n >= 1 && n <= max;
    private static bool Set(Period p, out Period period)
    {
        period = p;
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException(
            $"期间格式错误：'{text}'，应为 2022-05 或 2021 / Bad period '{text}': expected a month like 2022-05 or a year like 2021");

    /// <summary>The month before (2022-01 → 2021-12); a year period's previous is the year before.</summary>
    public Period Previous() => Month switch
    {
        null => OfYear(Year - 1),
        1 => OfMonth(Year - 1, 12),
        var m => OfMonth(Year, m.Value - 1),
    };

    /// <summary>The same period one year earlier (同比 base).</summary>
    public Period YearBefore() => this with { Year = Year - 1 };

    // Within a year: the months, a quarter after its last month, the year last.
    public int CompareTo(Period other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : Order.CompareTo(other.Order);

    private int Order => Month is { } m ? 2 * m : Quarter is { } q ? 6 * q + 1 : 26;

    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;
    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;
    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;

    public override string ToString() =>
        Month is { } m ? $"{Year:D4}-{m:D2}" : Quarter is { } q ? $"{Year:D4}Q{q}" : Year.ToString("D4", CultureInfo.InvariantCulture);

    // Accepts 2022-05, 2022-5, 2022/05, 2022.05, 2022年5月 and 202205.
    [GeneratedRegex(@"^(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*月?$")]
    private static partial Regex MonthPattern();
    [GeneratedRegex(@"^(\d{4})\s*年?$")]
    private static partial Regex YearPattern();
    // 2022Q1, 2022-Q1, 2022年一季度, 2022年第一季度, 2022年1季度.
    [GeneratedRegex(@"^(\d{4})(?:[-/]?[Qq]([1-4])|年?第?([一二三四1-4])季度)$")]
    private static partial Regex QuarterPattern();
    // 2022年1-5月, 2022年1—5月, 2022年1至5月, 2022年上半年, 2022年前三季度.
    [GeneratedRegex(@"^(\d{4})年?(?:1[-－—~～至](\d{1,2})月|(上半年|前三季度))$")]
    private static partial Regex YtdPattern();
}
