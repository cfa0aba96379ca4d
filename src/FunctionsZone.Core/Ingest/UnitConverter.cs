namespace FunctionsZone.Core.Ingest;

/// <summary>
/// Converts a value from the unit it arrived in to the indicator's canonical unit.
/// An unknown pair is refused, never guessed.
/// </summary>
public static class UnitConverter
{
    // Multipliers to a base unit within one dimension: yuan, US dollars, percent, counts.
    private static readonly Dictionary<string, (string Dimension, decimal Factor)> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["元"] = ("CNY", 1m), ["万元"] = ("CNY", 1e4m), ["亿元"] = ("CNY", 1e8m),
        ["美元"] = ("USD", 1m), ["万美元"] = ("USD", 1e4m), ["亿美元"] = ("USD", 1e8m),
        ["%"] = ("PCT", 1m), ["％"] = ("PCT", 1m), ["百分比"] = ("PCT", 1m),
        ["家"] = ("COUNT-FIRM", 1m), ["个"] = ("COUNT-ITEM", 1m), ["项"] = ("COUNT-ITEM", 1m), ["件"] = ("COUNT-PATENT", 1m),
        ["亩"] = ("AREA", 1m), ["万元/亩"] = ("CNY-PER-MU", 1e4m), ["元/亩"] = ("CNY-PER-MU", 1m),
    };

    public static bool IsKnown(string unit) => Units.ContainsKey(Clean(unit));

    /// <summary>Converts <paramref name="value"/> from <paramref name="from"/> to <paramref name="to"/>; false if they do not convert.</summary>
    public static bool TryConvert(decimal value, string? from, string to, out decimal converted) => TryConvert(value, from, to, out converted, out _);

    /// <summary>As TryConvert; <paramref name="overflow"/> says the units convert but the value does not fit in decimal.</summary>
    public static bool TryConvert(decimal value, string? from, string to, out decimal converted, out bool overflow)
    {
        converted = value;
        overflow = false;
        if (string.IsNullOrWhiteSpace(from) || Clean(from) == Clean(to)) return true;
        if (!Units.TryGetValue(Clean(from), out var f) || !Units.TryGetValue(Clean(to), out var t) || f.Dimension != t.Dimension)
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

    /// <summary>Applies a scale word written with the number ("9.39亿") to the unit: 亿 + 元 → 亿元.</summary>
    public static string? ApplyScaleWord(string? scaleWord, string? unit, string canonicalUnit)
    {
        if (scaleWord is null) return unit;
        var baseUnit = unit ?? canonicalUnit;
        // "9.39亿" against an indicator kept in 亿元 means 亿元; against 万美元 it means 亿美元.
        var currency = Clean(baseUnit).Contains("美元") ? "美元" : "元";
        return scaleWord + currency;
    }

    private static string Clean(string unit) =>
        ValueParser.Normalise(unit).Trim().Trim('(', ')', '（', '）').Replace(" ", "");
}
