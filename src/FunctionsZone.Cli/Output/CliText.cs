using FunctionsZone.Core;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Cli.Output;

/// <summary>
/// A reporting command's words in one language: labels from the catalogue (Core/Labels, seeds/labels.json), names of
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
    public string Amount(object? value, string? unit) => value is null ? "—" : $"{TextTable.Format(value)} {Unit(unit)}".TrimEnd();

    /// <summary>A table whose headers are catalogue keys (col.*), in this language.</summary>
    public TextTable Table(params string[] columns) => new(columns.Select(c => c.StartsWith("col.", StringComparison.Ordinal) ? labels[c] : c).ToArray());

    public string Render(TextTable t) => t.Render(wide, TextTable.MaxWidth, labels["text.wideNote"]);
}
