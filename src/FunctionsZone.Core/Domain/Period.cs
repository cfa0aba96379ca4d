using System.Globalization;
using System.Text.RegularExpressions;

namespace FunctionsZone.Core.Domain;

/// <summary>
/// A reporting period: a month ("2022-05", which for YTD flows means 1-5月 cumulative) or a year ("2021").
/// </summary>
public readonly partial record struct Period(int Year, int? Month) : IComparable<Period>
{
    public bool IsMonth => Month.HasValue;

    public static Period OfMonth(int year, int month) => new(year, month);
    public static Period OfYear(int year) => new(year, null);

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        var m = MonthPattern().Match(t);
        if (m.Success)
        {
            var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (mo is < 1 or > 12 || y is < 1900 or > 2200) return false;
            period = OfMonth(y, mo);
            return true;
        }
        var yOnly = YearPattern().Match(t);
        if (yOnly.Success)
        {
            var y = int.Parse(yOnly.Groups[1].Value, CultureInfo.InvariantCulture);
            if (y is < 1900 or > 2200) return false;
            period = OfYear(y);
            return true;
        }
        return false;
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
    public Period YearBefore() => new(Year - 1, Month);

    public int CompareTo(Period other) =>
        Year != other.Year ? Year.CompareTo(other.Year) : (Month ?? 13).CompareTo(other.Month ?? 13);

    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;
    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;
    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;

    public override string ToString() =>
        Month is { } m ? $"{Year:D4}-{m:D2}" : Year.ToString("D4", CultureInfo.InvariantCulture);

    // Accepts 2022-05, 2022-5, 2022/05, 2022.05, 2022年5月 and 202205.
    [GeneratedRegex(@"^(\d{4})\s*(?:[-/.年]\s*)?(\d{1,2})\s*月?$")]
    private static partial Regex MonthPattern();
    [GeneratedRegex(@"^(\d{4})\s*年?$")]
    private static partial Regex YearPattern();
}
