using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Evaluation;

/// <summary>A zone against a peer on one indicator: ratio, gap and how the speech would say it ("仅为…的五分之一").</summary>
public sealed record BenchmarkComparison
{
    public required string Period { get; init; }
    public required string Indicator { get; init; }
    public required string IndicatorName { get; init; }
    public required string Unit { get; init; }
    public required string Zone { get; init; }
    public required string ZoneName { get; init; }
    public required string Peer { get; init; }
    public required string PeerName { get; init; }
    public decimal? Value { get; init; }
    public decimal? PeerValue { get; init; }
    /// <summary>value ÷ peer value.</summary>
    public decimal? Ratio { get; init; }
    /// <summary>value ÷ peer value × 100, in % ("是…的 N%").</summary>
    public decimal? PercentOf { get; init; }
    /// <summary>value − peer value, in the indicator's unit (个百分点 for % indicators).</summary>
    public decimal? Gap { get; init; }
    public bool GapInPoints { get; init; }
    /// <summary>"1/5", "<1/3", "×2.3".</summary>
    public string? Fraction { get; init; }
    public string? PhraseZh { get; init; }
    public string? PhraseEn { get; init; }
}

/// <summary>A zone's figure as a share of its city's own reported figure (烟台: 81.5% of the city's FDI).</summary>
public sealed record CityShare(string Period, string Zone, string ZoneName, string City, string CityName, string Indicator,
    string IndicatorName, string Unit, decimal Value, decimal CityValue, decimal SharePercent);

public static class Benchmark
{
    public static BenchmarkComparison Compare(ZoneRegistry registry, ObservationSet observations, Period period, string zone, string peer, string indicator)
    {
        var z = registry.Zone(zone);
        var p = registry.Zone(peer);
        var ind = registry.Indicator(indicator);
        var v = observations.Get(z.Id, ind.Code, period)?.Value;
        var pv = observations.Get(p.Id, ind.Code, period)?.Value;
        decimal? ratio = v is { } a && pv is { } b && b != 0 ? SafeDecimal.Try(() => a / b) : null;
        var (fraction, zh, en) = ratio is { } r ? Describe(r) : (null, null, null);
        return new BenchmarkComparison
        {
            Period = period.ToString(), Indicator = ind.Code, IndicatorName = ind.NameZh, Unit = ind.Unit,
            Zone = z.Id, ZoneName = z.NameZh, Peer = p.Id, PeerName = p.NameZh, Value = v, PeerValue = pv,
            Ratio = ratio is { } rr ? Math.Round(rr, 4) : null, PercentOf = ratio is { } pr ? Math.Round(pr * 100, 1, MidpointRounding.AwayFromZero) : null,
            Gap = v is { } gv && pv is { } gp ? SafeDecimal.Try(() => gv - gp) : null, GapInPoints = ind.IsPercent, Fraction = fraction,
            PhraseZh = zh is null ? null : $"{z.NameZh}{ind.NameZh}{zh.Replace("{peer}", p.NameZh)}",
            PhraseEn = en is null ? null : $"{z.Id} {ind.Code} {en.Replace("{peer}", p.Id)}",
        };
    }

    /// <summary>
    /// ratio r = value ÷ peer. r &lt; 1 with k = 1/r within 1% of an integer: "1/k" (仅为…的k分之一); otherwise "&lt;1/⌊k⌋"
    /// (不足…的⌊k⌋分之一). r ≥ 1: "×r" (是…的r倍).
    /// </summary>
    public static (string Fraction, string Zh, string En) Describe(decimal ratio)
    {
        if (ratio <= 0) return ("≤0", "不及{peer}", "is at or below zero against {peer}");
        if (ratio >= 1)
        {
            var times = Math.Round(ratio, 2, MidpointRounding.AwayFromZero);
            return ($"×{times}", $"是{{peer}}的{times}倍", $"is {times} times {{peer}}'s");
        }
        var k = 1m / ratio;
        var nearest = Math.Round(k, MidpointRounding.AwayFromZero);
        if (nearest >= 2 && Math.Abs(k - nearest) / k < 0.01m)
            return ($"1/{nearest}", $"仅为{{peer}}的{Chinese((int)nearest)}分之一", $"is 1/{nearest} of {{peer}}'s");
        var floor = (int)Math.Floor(k);
        if (floor >= 2) return ($"<1/{floor}", $"不足{{peer}}的{Chinese(floor)}分之一", $"is less than 1/{floor} of {{peer}}'s");
        var pct = Math.Round(ratio * 100, 1, MidpointRounding.AwayFromZero);
        return ($"{pct}%", $"为{{peer}}的{pct}%", $"is {pct}% of {{peer}}'s");
    }

    public static string Chinese(int n) => n switch
    {
        >= 1 and <= 10 => "零一二三四五六七八九十"[n].ToString(),
        > 10 and < 20 => "十" + (n % 10 == 0 ? "" : "零一二三四五六七八九"[n % 10].ToString()),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Every zone's share of its parent city's own figure, for amounts (not rates or shares) both report.</summary>
    public static IReadOnlyList<CityShare> CityShares(ZoneRegistry registry, ObservationSet observations, Period period)
    {
        var list = new List<CityShare>();
        foreach (var zone in registry.Zones.Where(z => z.Parent is not null && z.Level != ZoneLevel.City))
        {
            var city = registry.FindZone(zone.Parent);
            if (city is null) continue;
            foreach (var ind in registry.Indicators.Where(i => !i.IsRatio && i.Derived is null))
            {
                var v = observations.Get(zone.Id, ind.Code, period)?.Value;
                var c = observations.Get(city.Id, ind.Code, period)?.Value;
                if (v is null || c is not > 0 || SafeDecimal.Try(() => Math.Round(v.Value / c.Value * 100, 2, MidpointRounding.AwayFromZero)) is not { } share) continue;
                list.Add(new CityShare(period.ToString(), zone.Id, zone.NameZh, city.Id, city.NameZh, ind.Code, ind.NameZh, ind.Unit,
                    v.Value, c.Value, share));
            }
        }
        return list.OrderBy(s => s.Zone, StringComparer.Ordinal).ThenBy(s => s.Indicator, StringComparer.Ordinal).ToList();
    }
}
