using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionsZone.Core;

/// <summary>
/// Reads a JSON string as the one instance already seen with the same characters (ids, names, units, bases), so a
/// large document's repeated strings cost one copy. Only short strings are pooled, and only so many: a pool of
/// names, not a cache of documents.
/// </summary>
internal sealed class StringPool : JsonConverter<string>
{
    private const int MaxLength = 128;
    private const int MaxEntries = 1 << 18;
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) return reader.GetString();
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxLength * 3) return reader.GetString();
        Span<char> chars = stackalloc char[MaxLength * 3];
        var text = chars[..reader.CopyString(chars)];
        if (text.Length > MaxLength) return new string(text);
        lock (_gate)
        {
            var lookup = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(text, out var known)) return known;
            var s = new string(text);
            if (_pool.Count < MaxEntries) _pool[s] = s;
            return s;
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
