namespace FunctionsZone.Core.Briefing;

/// <summary>
/// A ratio as a speaker says it: 0.2 → 五分之一 ("仅为邹城经开区的五分之一"), 0.325 → 不足三分之一.
/// The nearest simple fraction 1/n or m/n (n ≤ 10); the qualifier says which side of it the ratio lies.
/// </summary>
public static class SpokenFraction
{
    public enum Side { Exact, Under, About, Over }

    public sealed record Spoken(int Numerator, int Denominator, Side Side);

    private const decimal Tolerance = 0.01m;

    public static Spoken Of(decimal ratio)
    {
        if (ratio <= 0) return new Spoken(0, 1, Side.Exact);
        // A ratio above one is said as a multiple: "是…的2倍" is left to the wording (n/1).
        var best = (N: 1, D: 1, Err: decimal.MaxValue);
        for (var d = 1; d <= 10; d++)
        for (var n = 1; n < d || (d == 1 && n <= 10); n++)
        {
            var err = Math.Abs(ratio - (decimal)n / d);
            // Prefer the simplest fraction: a smaller denominator wins ties and near-ties.
            if (err + 0.0001m * d < best.Err) best = (n, d, err + 0.0001m * d);
        }
        var value = (decimal)best.N / best.D;
        var side = Math.Abs(ratio - value) <= Tolerance * value ? Side.Exact
            : ratio < value ? Side.Under
            : Side.Over;
        // Under a simpler fraction it is a speaker's "不足三分之一"; over one, "约为" unless a lower simple fraction is nearer.
        return new Spoken(best.N, best.D, side == Side.Over ? Side.About : side);
    }

    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    private static readonly string[] EnglishOrdinals = ["", "", "half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    private static readonly string[] EnglishNumbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>五分之一, 三分之二; a whole number as 2倍.</summary>
    public static string Chinese(Spoken s) => s.Denominator == 1 ? $"{Digits[s.Numerator]}倍" : $"{Digits[s.Denominator]}分之{Digits[s.Numerator]}";

    /// <summary>one fifth, two thirds, a half; a whole number as "2 times".</summary>
    public static string English(Spoken s)
    {
        if (s.Denominator == 1) return $"{EnglishNumbers[s.Numerator]} times";
        if (s.Denominator == 2) return "half";
        var ord = EnglishOrdinals[s.Denominator];
        return s.Numerator == 1 ? $"one {ord}" : $"{EnglishNumbers[s.Numerator]} {ord}s";
    }
}
