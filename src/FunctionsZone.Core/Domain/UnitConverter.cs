using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Domain;

/// <summary>
/// Converts a value from the unit it arrived in to the indicator's canonical unit.
/// An unknown pair is refused, never guessed.
/// </summary>
public static class UnitConverter
{
    public static bool IsKnown(string unit) => Units.Find(unit) is not null;

    /// <summary>Converts <paramref name="value"/> from <paramref name="from"/> to <paramref name="to"/>; false if they do not convert.</summary>
    public static bool TryConvert(decimal value, string? from, string to, out decimal converted) => TryConvert(value, from, to, out converted, out _);

    /// <summary>As TryConvert; <paramref name="overflow"/> says the units convert but the value does not fit in decimal.</summary>
    public static bool TryConvert(decimal value, string? from, string to, out decimal converted, out bool overflow)
    {
        converted = value;
        overflow = false;
        if (string.IsNullOrWhiteSpace(from) || Units.Clean(from) == Units.Clean(to)) return true;
        if (Units.Find(from) is not { } f || Units.Find(to) is not { } t || f.Dimension != t.Dimension)
            return false;
        try
        {
            converted = value * f.Factor / t.Factor;
            return true;
        }
        catch (OverflowException)
        {
            overflow = true;
            return false;
        }
    }

    /// <summary>
    /// Applies a scale word written with the number ("9.39亿", "1.52万") to the unit: 亿 + 元 → 亿元, 万 + 人 → 万人,
    /// 亿 + 万美元 → 亿美元. The result may be a unit the table does not know (万% …): then it is refused, not guessed.
    /// </summary>
    public static string? ApplyScaleWord(string? scaleWord, string? unit, string canonicalUnit)
    {
        if (scaleWord is null) return unit;
        var root = Units.Clean(unit ?? canonicalUnit);
        // 万元 / 亿美元 / 万人: the scale already in the unit gives way to the one written with the number.
        if (root.Length > 1 && root[0] is '万' or '亿' && Units.Find(root[1..]) is not null) root = root[1..];
        return scaleWord + root;
    }

    /// <summary>Why <paramref name="from"/> does not convert to <paramref name="to"/>, in Chinese and English.</summary>
    public static (string Zh, string En) WhyNot(string? from, string to) => (Units.Find(from), Units.Find(to)) switch
    {
        (null, _) => ($"单位「{Quote.Cell(from)}」不在单位表中", $"unit '{Quote.Cell(from)}' is not in the unit table"),
        ({ } f, { } t) => ($"「{f.Symbol}」是{f.DimensionZh}单位，「{t.Symbol}」是{t.DimensionZh}单位，不能换算",
            $"'{f.Symbol}' measures {f.Dimension} and '{t.Symbol}' measures {t.Dimension}: they do not convert"),
        ({ } f, null) => ($"指标的单位「{Quote.Cell(to)}」不在单位表中", $"the indicator's unit '{Quote.Cell(to)}' is not in the unit table"),
    };
}
