using FunctionsZone.Core;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Cli.Output;

/// <summary>
/// A reporting command's words in one language: labels from the catalogue (Core/Labels, seeds/i18n/catalogue.json), names of
/// zones, indicators and groups from the registry's nameEn in English, and its tables fitted to 100 columns.
/// </summary>
public sealed class CliText(Labels labels, bool wide, CliContext ctx)
{
    private ZoneRegistry? _registry;

    public Labels L => labels;
    public bool Wide => wide;
    public bool En => labels.IsEnglish;
    public string this[string key] => labels[key];

    /// <summary>The registry of the latest snapshot, read once (the names users see).</summary>
    public async Task<CliText> LoadAsync(CancellationToken ct)
    {
        var reader = ctx.Reader();
        _registry = await reader.RegistryAsync(await reader.LatestAsync(ct), ct);
        return this;
    }

    public string Zone(string id) => Zone(id, _registry?.FindZone(id)?.NameZh ?? id);
    public string Indicator(string code) => Indicator(code, _registry?.FindIndicator(code.Split(':')[0])?.NameZh ?? code);
    public string Zone(string id, string zh) => En && _registry?.FindZone(id)?.NameEn is { Length: > 0 } en ? en : zh;
    public string Group(string id, string zh) => En && _registry?.FindGroup(id)?.NameEn is { Length: > 0 } en ? en : zh;

    /// <summary>An indicator or a scheme column (code:growth): its English name, growth marked, in English.</summary>
    public string Indicator(string code, string zh)
    {
        var parts = code.Split(':');
        if (!En || _registry?.FindIndicator(parts[0])?.NameEn is not { Length: > 0 } en) return zh;
        return parts.Length > 1 && parts[1] == "growth" ? $"{en} growth" : en;
    }

    public string Unit(string? unit) => string.IsNullOrEmpty(unit) ? "" : labels.Of("unit", unit)!;
    public string? Of(string family, string? code) => labels.Of(family, code);
    public string Fill(string key, params (string Name, object? Value)[] values) => labels.Fill(key, values);
    /// <summary>A figure with its unit: zh as stored (40 亿元), en scaled as the portal and briefing write it (4.0 billion yuan).</summary>
    public string Amount(object? value, string? unit) => value switch
    {
        null => "—",
        decimal d when En && unit is not null && Core.Domain.UnitCatalogue.Known.Contains(unit) => Core.Domain.UnitCatalogue.Format(d, unit, labels.Lang).ToString(),
        double f when En && unit is not null && Core.Domain.UnitCatalogue.Known.Contains(unit) && double.IsFinite(f) => Amount((decimal)Math.Round(f, 4), unit),
        _ => $"{TextTable.Format(value)} {Unit(unit)}".TrimEnd(),
    };

    /// <summary>A table whose headers are catalogue keys (col.*), in this language.</summary>
    public TextTable Table(params string[] columns) => new(columns.Select(c => c.StartsWith("col.", StringComparison.Ordinal) ? labels[c] : c).ToArray());

    /// <summary>Default: the essential columns cut to 100; --wide: every column, uncut.</summary>
    public string Render(TextTable t) => t.Render(wide, wide ? int.MaxValue : TextTable.MaxWidth, labels["text.wideNote"]);

    /// <summary>A title or note wrapped to 100 columns: at its " · " parts first, then at spaces.</summary>
    public string Line(string text)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var part in text.Split(" · ").SelectMany(p => Words(p)))
        {
            var next = current.Length == 0 ? part.Text : current + part.Joiner + part.Text;
            if (current.Length > 0 && TextTable.Width(next) > TextTable.MaxWidth) { lines.Add(current); current = part.Text; }
            else current = next;
        }
        lines.Add(current);
        return string.Join(Environment.NewLine, lines.SelectMany(Hard));
    }

    /// <summary>A line with no space to break at (Chinese prose) cut into pieces of at most 100 display columns.</summary>
    private static IEnumerable<string> Hard(string line)
    {
        var piece = new System.Text.StringBuilder();
        foreach (var ch in line)
        {
            if (TextTable.Width(piece.ToString() + ch) > TextTable.MaxWidth) { yield return piece.ToString(); piece.Clear(); }
            piece.Append(ch);
        }
        yield return piece.ToString();
    }

    private static IEnumerable<(string Text, string Joiner)> Words(string part) =>
        TextTable.Width(part) <= TextTable.MaxWidth ? [(part, " · ")] : part.Split(' ').Select((w, i) => (w, i == 0 ? " · " : " "));
}
