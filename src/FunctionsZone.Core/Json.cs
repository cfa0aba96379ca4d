using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace FunctionsZone.Core;

/// <summary>One set of JSON options for every file, snapshot and API body, so field names stay stable.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);
    /// <summary>
    /// <see cref="Options"/>, reading each distinct short string once: a national month's results repeat each zone's
    /// id and names in every ranking entry it has, and publish reads them back.
    /// </summary>
    public static readonly JsonSerializerOptions Pooled = Create(indented: false, pooled: true);

    private static JsonSerializerOptions Create(bool indented, bool pooled = false)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Chinese names stay readable in snapshots instead of \uXXXX escapes.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            WriteIndented = indented,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        o.Converters.Add(new PeriodJsonConverter());
        if (pooled) o.Converters.Add(new StringPool());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    private sealed class PeriodJsonConverter : JsonConverter<Domain.Period>
    {
        public override Domain.Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Domain.Period.Parse(reader.TokenType == JsonTokenType.Number ? reader.GetInt32().ToString() : reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, Domain.Period value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
