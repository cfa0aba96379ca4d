using System.Globalization;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Briefing;

/// <summary>Numbers as the bureau writes them: 9.39亿, 2474万美元, 12.9%, 28.9个百分点 — no trailing zeros, no separators.</summary>
public static class BriefingNumber
{
    /// <summary>The number alone: the stored precision, trailing zeros dropped (20.00 → 20, 69.670 → 69.67).</summary>
    public static string Plain(decimal value) =>
        Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A figure in its unit in the template's language, from the one unit catalogue (seeds/i18n/catalogue.json):
    /// 9.39亿 / 939 million yuan, 2474万美元 / US$24.74 million.</summary>
    public static string WithUnit(BriefingTemplate t, decimal value, string unit) =>
        UnitCatalogue.Format(value, unit, t.Lang, prose: true).ToString();

    /// <summary>A rate in % (growth, share, completion): its absolute value, the sign carried by the words (增长/下降).</summary>
    public static string Percent(BriefingTemplate t, decimal value) => WithUnit(t, Math.Abs(value), "%");

    /// <summary>A difference of two rates: 28.9个百分点.</summary>
    public static string Points(BriefingTemplate t, decimal points) =>
        BriefingText.Fill(t.Points, ("value", Plain(Math.Abs(points))));
}
