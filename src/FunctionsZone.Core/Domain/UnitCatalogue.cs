using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace FunctionsZone.Core.Domain;

/// <summary>A figure written in a language: prefix, number, suffix (US$ · 24.74 · " million"; "" · 9.39 · 亿元).</summary>
public sealed record UnitText(string Prefix, string Figure, string Suffix)
{
    public override string ToString() => Prefix + Figure + Suffix;
}

/// <summary>
/// The units, grades and statuses of the one word catalogue (seeds/i18n/catalogue.json, read by fz's Labels and the portal
/// build too): how a figure in a stored unit is written in zh and en, the grades (四等 → Grade 4) and statuses in words. Chinese keeps the bureau's unit (40亿元); English scales
/// the unit's base to thousand / million / billion (40亿元 → 4.0 billion yuan, 2474万美元 → US$24.74 million).
/// </summary>
public static class UnitCatalogue
{
    private sealed record Words(string Prefix = "", string Suffix = "", string? Prose = null, string? One = null, string? Name = null);
    private sealed record Entry(decimal? Base, bool Count, Words Zh, Words En);
    private sealed record Scale(decimal Factor, string En);
    private sealed record Catalogue(List<Scale> Scales, Dictionary<string, Entry> Units,
        Dictionary<string, Dictionary<string, string>> Grades, Dictionary<string, Dictionary<string, string>> Statuses, string MissingEnglish);

    private static readonly Catalogue Data = Load();

    /// <summary>What an English view appends to a Chinese name that has no English one (乖宝集团年底前上市 [zh]).</summary>
    public static string MissingEnglishMarker => Data.MissingEnglish;

    /// <summary>The units the catalogue knows (a test holds the portal to the same list).</summary>
    public static IReadOnlyCollection<string> Known => Data.Units.Keys;

    /// <summary>Units of whole things (家, 个, 件): a monthly need is rounded up to a whole one.</summary>
    public static bool IsCount(string? unit) => unit is not null && Data.Units.TryGetValue(unit, out var e) && e.Count;

    /// <summary>A figure in its unit, in lang (zh / en); prose: the briefing's short Chinese form (9.39亿).</summary>
    public static UnitText Format(decimal value, string unit, string lang, bool prose = false)
    {
        if (!Data.Units.TryGetValue(unit, out var e)) return new UnitText("", Plain(value), unit);
        if (lang != "en") return new UnitText(e.Zh.Prefix, Plain(value), prose ? e.Zh.Prose ?? e.Zh.Suffix : e.Zh.Suffix);
        var suffix = value == 1m && e.En.One is { } one ? one : e.En.Suffix;
        if (e.Base is not { } b) return new UnitText(e.En.Prefix, Plain(value), suffix);
        var amount = value * b;
        var scale = Data.Scales.FirstOrDefault(s => Math.Abs(amount) >= s.Factor);
        var factor = scale?.Factor ?? 1m;
        // The figure keeps the precision it was reported with: 40 (亿) → 4.0 billion, 2474 (万) → 24.74 million; at most 2 places.
        var shift = (int)Math.Round(Math.Log10((double)(factor / b)));
        var places = Math.Clamp(Decimals(value) + shift, 0, 2);
        var figure = Math.Round(amount / factor, places, MidpointRounding.AwayFromZero).ToString($"F{places}", CultureInfo.InvariantCulture);
        return new UnitText(e.En.Prefix, figure, scale is null ? suffix : $" {scale.En}{suffix}");
    }

    /// <summary>The unit as a header names it, where figures stay in the stored unit (fz tables): 亿元 / 100m yuan.</summary>
    public static string? UnitName(string unit, string lang) => !Data.Units.TryGetValue(unit, out var e) ? null
        : lang != "en" ? e.Zh.Name ?? e.Zh.Suffix : e.En.Name ?? (e.En.Prefix + e.En.Suffix).Trim();

    /// <summary>A grade (四等) in lang; one the catalogue lacks is returned as given.</summary>
    public static string Grade(string grade, string lang) => GradeOrNull(grade, lang) ?? grade;

    public static string? GradeOrNull(string grade, string lang) =>
        Data.Grades.TryGetValue(grade, out var w) && w.TryGetValue(lang, out var s) ? s : null;

    /// <summary>A target status (behind, at-risk…) in lang.</summary>
    public static string Status(string status, string lang) => StatusOrNull(status, lang) ?? status;

    public static string? StatusOrNull(string status, string lang) =>
        Data.Statuses.TryGetValue(status, out var w) && w.TryGetValue(lang, out var s) ? s : null;

    /// <summary>A name in lang: the English one, else the Chinese with the missing-English marker.</summary>
    public static string Name(string zh, string? en, string lang) =>
        lang != "en" ? zh : !string.IsNullOrWhiteSpace(en) ? en : zh + MissingEnglishMarker;

    private static string Plain(decimal value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    private static int Decimals(decimal value)
    {
        var s = Plain(Math.Abs(value));
        var dot = s.IndexOf('.');
        return dot < 0 ? 0 : s.Length - dot - 1;
    }

    private static Catalogue Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("catalogue.json")!;
        return JsonSerializer.Deserialize<Catalogue>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
