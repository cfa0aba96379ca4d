using System.Text.Json;

namespace FunctionsZone.Core;

/// <summary>
/// The words fz prints, in zh or en, from the one word catalogue (seeds/i18n/catalogue.json, its labels): kinds, judgements,
/// evaluations (市对区/国评/省评), table headers and sentences; grade.X, status.X and unit.X are the catalogue's grades,
/// statuses and units, which the briefing and the portal read too. A code the catalogue lacks prints as itself.
/// </summary>
public sealed class Labels
{
    private static readonly Dictionary<string, string[]> Catalogue = Load();
    public static Labels Zh { get; } = new("zh");
    public static Labels En { get; } = new("en");

    public string Lang { get; }
    public bool IsEnglish => Lang == "en";
    private readonly int _column;

    private Labels(string lang) { Lang = lang; _column = lang == "en" ? 1 : 0; }

    /// <summary>"en…" → English; "zh…", anything else or nothing → Chinese (the project's first language).</summary>
    public static Labels For(string? lang) => lang?.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? En : Zh;

    /// <summary>The entry for key, or the key's last part (the code itself) when the catalogue has none.</summary>
    public string this[string key] => Shared(key) ?? (Catalogue.TryGetValue(key, out var v) ? v[_column] : key[(key.IndexOf('.') + 1)..]);

    /// <summary>The families defined once for every face in the catalogue's own sections (grades, statuses, units).</summary>
    private string? Shared(string key)
    {
        var dot = key.IndexOf('.');
        var code = key[(dot + 1)..];
        return dot < 0 ? null : key[..dot] switch
        {
            "grade" => Domain.UnitCatalogue.GradeOrNull(code, Lang),
            "status" => Domain.UnitCatalogue.StatusOrNull(code, Lang),
            "unit" => Domain.UnitCatalogue.UnitName(code, Lang),
            _ => null,
        };
    }

    /// <summary>Whether the catalogue defines key (a test holds every key fz uses to it).</summary>
    public static bool Defines(string key) => Catalogue.ContainsKey(key) || Zh.Shared(key) is not null;

    /// <summary>A code of a family (status, kind, judged, evaluation, …) in this language; null stays null.</summary>
    public string? Of(string family, string? code) => code is null ? null : this[$"{family}.{code}"];

    /// <summary>The entry with {name} placeholders filled.</summary>
    public string Fill(string key, params (string Name, object? Value)[] values) =>
        values.Aggregate(this[key], (s, v) => s.Replace("{" + v.Name + "}", v.Value?.ToString() ?? "—"));

    /// <summary>Every language's entries of a family, e.g. evaluation → (city, 市对区, city): names a user may type.</summary>
    public static IEnumerable<(string Code, string Zh, string En)> Family(string family) =>
        Catalogue.Where(kv => kv.Key.StartsWith(family + ".", StringComparison.Ordinal))
            .Select(kv => (kv.Key[(family.Length + 1)..], kv.Value[0], kv.Value[1]));

    private static Dictionary<string, string[]> Load()
    {
        using var s = typeof(Labels).Assembly.GetManifestResourceStream("catalogue.json")
                      ?? throw new InvalidOperationException("catalogue.json is not embedded");
        using var doc = JsonDocument.Parse(s);
        return doc.RootElement.GetProperty("labels").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(x => x.GetString() ?? "").ToArray(), StringComparer.Ordinal);
    }
}
