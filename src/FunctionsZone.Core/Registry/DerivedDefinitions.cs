using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Registry;

/// <summary>
/// What a <c>derived</c> definition of indicators.json must satisfy for recompute to compute it (docs/methods.md §12):
/// operands are stored indicators of the same file, named by code; a ratio of two indicators is a % share of two amounts
/// that convert into each other and accumulate alike. A definition that cannot be computed refuses the file, naming it.
/// </summary>
public static class DerivedDefinitions
{
    public static IReadOnlyList<Finding> Check(IReadOnlyList<Indicator> indicators)
    {
        var byCode = indicators.Where(i => i.Code is not null).GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var findings = new List<Finding>();
        for (var n = 0; n < indicators.Count; n++)
        {
            var indicator = indicators[n];
            if (indicator.Derived is not { } f) continue;
            foreach (var (zh, en) in Problems(indicator, f, byCode))
                findings.Add(new Finding
                {
                    Code = "derived-formula", Row = n + 1, Column = "derived", Indicator = indicator.Code,
                    MessageZh = $"indicators.json 第 {n + 1} 项「{indicator.Code}」（{indicator.NameZh}）的计算公式无法计算：{zh}，文件未导入",
                    MessageEn = $"indicators.json item {n + 1} '{indicator.Code}': its derived formula cannot be computed: {en}; the file was not imported",
                });
        }
        return findings;
    }

    private static IEnumerable<(string Zh, string En)> Problems(Indicator indicator, DerivedFormula f, IReadOnlyDictionary<string, Indicator> byCode)
    {
        var numerator = Operand(indicator, f.Numerator, "分子", "numerator", byCode, out var why);
        if (why is not null) yield return why.Value;
        if (!f.IsRatio) yield break;
        var denominator = Operand(indicator, f.Denominator, "分母", "denominator", byCode, out why);
        if (why is not null) yield return why.Value;
        if (!indicator.IsPercent)
            yield return ($"两个指标之比的单位须为 %（比值 × 100），而不是「{indicator.Unit}」", $"a ratio of two indicators is in % (ratio × 100), not '{indicator.Unit}'");
        if (!indicator.IsRatio)
            yield return ("两个指标之比的类型须为 share 或 rate（比值没有自身的增速）", "a ratio of two indicators must be of kind share or rate (a ratio has no growth of its own)");
        if (f.Factor != 1m)
            yield return ($"比值的倍数由单位 % 决定（× 100），不能另设 factor {f.Factor}", $"the scale of a ratio is set by its unit % (× 100); factor {f.Factor} cannot be set");
        if (numerator is null || denominator is null) yield break;
        foreach (var operand in new[] { numerator, denominator }.Where(o => o.IsPercent || o.IsRatio))
            yield return ($"「{operand.Code}」是比率或占比（{operand.Unit}），比率之比不是占比", $"'{operand.Code}' is a rate or share ({operand.Unit}); a ratio of rates is not a share");
        if (string.IsNullOrWhiteSpace(numerator.Unit) || string.IsNullOrWhiteSpace(denominator.Unit))
            yield return ("分子或分母没有单位，不能相比", "the numerator or denominator has no unit to make a ratio of");
        else if (!UnitConverter.TryConvert(1m, numerator.Unit, denominator.Unit, out _))
        {
            var (zh, en) = UnitConverter.WhyNot(numerator.Unit, denominator.Unit);
            yield return ($"分子与分母的单位不能相比：{zh}", $"the numerator's and denominator's units do not make a ratio: {en}");
        }
        if (numerator.Kind != denominator.Kind)
            yield return ($"分子（{numerator.Kind}）与分母（{denominator.Kind}）的累计方式不同，比值随月份变化而无意义",
                $"the numerator ({numerator.Kind}) and denominator ({denominator.Kind}) accumulate differently, so their ratio would drift with the month");
    }

    // An operand is a stored indicator of the file: not unknown, not the indicator itself, not derived (no ratio of a
    // ratio, which also rules out every cycle).
    private static Indicator? Operand(Indicator indicator, string? code, string roleZh, string roleEn, IReadOnlyDictionary<string, Indicator> byCode,
        out (string Zh, string En)? why)
    {
        why = null;
        Indicator? operand = null;
        if (string.IsNullOrWhiteSpace(code) || !byCode.TryGetValue(code, out operand))
            why = ($"{roleZh}「{Quote.Cell(code)}」不是本文件中的指标代码", $"the {roleEn} '{Quote.Cell(code)}' is not an indicator code of this file");
        else if (operand.Code == indicator.Code)
            why = ($"{roleZh}是它自身（循环定义）", $"the {roleEn} is the indicator itself (a cycle)");
        else if (operand.Derived is not null)
            why = ($"{roleZh}「{code}」本身由计算得出：不计算派生指标的派生（也排除循环定义）",
                $"the {roleEn} '{code}' is itself derived: a derived figure over a derived one is not computed (this also rules out cycles)");
        return why is null ? operand : null;
    }
}

/// <summary>The inner exception of the InvalidDataException an indicators.json with an uncomputable derived definition raises.</summary>
public sealed class UncomputableDerivedException(IReadOnlyList<Finding> findings)
    : Exception(string.Join("; ", findings.Select(f => $"{f.MessageZh} / {f.MessageEn}")))
{
    public IReadOnlyList<Finding> Findings { get; } = findings;
}
