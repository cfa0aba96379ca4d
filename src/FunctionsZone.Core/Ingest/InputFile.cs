using System.Text;

namespace FunctionsZone.Core.Ingest;

/// <summary>What a dropped or posted file holds, told by its name (registry JSON) or its header (CSV).</summary>
public enum InputKind { Observations, Targets, OfficialRanks, Zones, Groups, Indicators, Ignored }

/// <summary>A file as received: its name and bytes.</summary>
public sealed record InputFile(string Name, byte[] Content)
{
    public string Extension => Path.GetExtension(Name).ToLowerInvariant();

    public string Sha256 => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));

    public string Text() => new StreamReader(new MemoryStream(Content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd();

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
                    _ => InputKind.Observations,
                };
            }
            if (Extension is not (".csv" or ".txt")) return InputKind.Ignored;
            var firstLine = Text().Split('\n', 2)[0].ToLowerInvariant();
            if (firstLine.Contains("evaluation")) return InputKind.OfficialRanks;
            if (firstLine.Contains("target") && firstLine.Contains("kind")) return InputKind.Targets;
            if (firstLine.Contains("zone") || firstLine.Contains("开发区")) return name.Contains("project") || name.Contains("enterprise") ? InputKind.Ignored : InputKind.Observations;
            return InputKind.Ignored;
        }
    }
}
