using System.Text.Json;

namespace FunctionsZone.Core.Ingest;

/// <summary>What a dropped or posted file holds, told by its name (registry JSON), its content (a scheme) or its header (CSV).</summary>
public enum InputKind { Observations, Targets, OfficialRanks, Zones, Groups, Indicators, Ignored, ValidationRules, Scheme, Projects }

/// <summary>A file as received: its name and bytes.</summary>
public sealed record InputFile(string Name, byte[] Content)
{
    public string Extension => Path.GetExtension(Name).ToLowerInvariant();

    /// <summary>The sub-folder of a seeds folder whose scheme files are read with the folder's own (seeds/schemes/).</summary>
    public const string SchemesFolder = "schemes";

    /// <summary>
    /// Every file at the top of a folder (seeds/, a drop folder, generated data) and in its schemes/ sub-folder, except
    /// Markdown notes and side files (IsSideFile), by name. Other sub-folders (samples/, examples/) are not inputs of the folder.
    /// </summary>
    public static IReadOnlyList<InputFile> FromFolder(string folder)
    {
        var schemes = Path.Combine(folder, SchemesFolder);
        var files = Directory.GetFiles(folder).Concat(Directory.Exists(schemes) ? Directory.GetFiles(schemes) : []);
        return files.Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !IsSideFile(f))
            .Select(f => (Name: Path.GetRelativePath(folder, f).Replace('\\', '/'), Path: f)).OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new InputFile(f.Name, File.ReadAllBytes(f.Path))).ToList();
    }

    /// <summary>
    /// A list another command reads, not the pipeline (fz permu --enterprises reads enterprises*.csv): a folder's run
    /// leaves it out, and sent on its own it is a file that imports nothing (unknown-file, an error).
    /// </summary>
    public static bool IsSideFile(string name) => Path.GetFileName(name).Contains("enterprise", StringComparison.OrdinalIgnoreCase);

    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));

    /// <summary>The text encoding the sender named (fz ingest --encoding, ?encoding=); null = detect (see TextDecoding).</summary>
    public string? EncodingName { get; init; }

    // Decoded once per encoding asked for (a `with { EncodingName = … }` copy must not reuse the old text).
    private (string? Asked, string Text, string Encoding)? _decoded;

    private (string? Asked, string Text, string Encoding) Decoded()
    {
        if (_decoded is { } d && d.Asked == EncodingName) return d;
        var (text, enc) = TextDecoding.Decode(Content, EncodingName);
        _decoded = (EncodingName, text, enc);
        return _decoded.Value;
    }

    /// <summary>The file as text, decoded as TextDecoding detects (or as EncodingName says).</summary>
    public string Text() => Decoded().Text;

    /// <summary>The encoding the text was read in (utf-8, gb18030, utf-16); null for a spreadsheet.</summary>
    public string? DetectedEncoding => IsSpreadsheet ? null : Decoded().Encoding;

    /// <summary>When the encoding was detected as GB18030 but the file is UTF-8 save one line: that line (mixed-encoding).</summary>
    public int? NotUtf8Line => EncodingName is null && !IsSpreadsheet && DetectedEncoding == "gb18030" ? TextDecoding.MixedUtf8Line(Content) : null;

    /// <summary>Whether the bytes were decoded as text yet (a file refused for its size never is).</summary>
    public bool IsDecoded => _decoded is not null;

    public bool IsSpreadsheet => Extension is ".xlsx" or ".xlsm";

    /// <summary>A CSV, a text export (Excel's Unicode text) or tab-separated values: read as delimited text.</summary>
    public bool IsDelimitedText => Extension is ".csv" or ".txt" or ".tsv";

    /// <summary>A JSON object with an id and a categories array is a scheme, whatever the file is called.</summary>
    public static bool LooksLikeScheme(string text)
    {
        var t = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!t.StartsWith('{')) return false;
        try
        {
            using var doc = JsonDocument.Parse(t, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("categories", out var c) && c.ValueKind == JsonValueKind.Array
                   && root.TryGetProperty("id", out _);
        }
        catch (JsonException) { return false; }
    }

    private static bool HasLongHeader(string text)
    {
        // The first lines only: the header is the first non-empty row (a national month has 162,000 more).
        var head = string.Join('\n', DecimalComma.Strip(text).Text.Split('\n', 12).Take(11));
        var grid = Grid.FromCsv(head);
        return grid.FirstOrDefault(r => !r.IsEmpty) is { } first && LongCsvReader.IsLongHeader(first);
    }

    public InputKind Kind
    {
        get
        {
            var name = Path.GetFileName(Name).ToLowerInvariant();
            if (Extension == ".json")
            {
                return name switch
                {
                    "zones.json" => InputKind.Zones,
                    "groups.json" => InputKind.Groups,
                    "indicators.json" => InputKind.Indicators,
                    "validation-rules.json" => InputKind.ValidationRules,
                    _ when LooksLikeScheme(Text()) => InputKind.Scheme,
                    _ => InputKind.Observations,
                };
            }
            if (IsSpreadsheet) return InputKind.Observations;
            if (!IsDelimitedText) return InputKind.Ignored;
            // An empty CSV is a failed observations file (empty-file), not something to skip quietly.
            if (string.IsNullOrWhiteSpace(Text())) return InputKind.Observations;
            var text = Text();
            var firstLine = (text.IndexOf('\n') is var nl and >= 0 ? text[..nl] : text).ToLowerInvariant();
            // The bureau's wide monthly table opens with a title ("… 2022年1-5月主要经济指标") or a 指标 header.
            if (WideTableReader.LooksWide(Text())) return InputKind.Observations;
            if (firstLine.Contains("evaluation")) return InputKind.OfficialRanks;
            if (firstLine.Contains("target") && firstLine.Contains("kind")) return InputKind.Targets;
            if (firstLine.Contains("totalinvestment") || firstLine.Contains("总投资")) return InputKind.Projects;
            if (IsSideFile(name)) return InputKind.Ignored;
            // Any long-layout header docs/ingest.md lists (地区, 园区, 单位名称 …), after a 小数点=逗号 line if there is one.
            if (firstLine.Contains("zone") || firstLine.Contains("开发区") || HasLongHeader(text)) return InputKind.Observations;
            return InputKind.Ignored;
        }
    }
}
