using System.Text.Json;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ingest;

/// <summary>
/// The same rows as the long CSV, as a JSON array of objects (or {"rows": [...]}) with the same field names.
/// Row numbers count array elements from 1.
/// </summary>
public static class JsonRowsReader
{
    public static IReadOnlyList<RawRow> Read(string json, List<Finding> findings)
    {
        var rows = new List<RawRow>();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e)
        {
            findings.Add(new Finding
            {
                Code = "malformed-json", Row = (int?)(e.LineNumber + 1),
                MessageZh = $"JSON 格式错误：{Quote.Message(e)}", MessageEn = $"Malformed JSON: {Quote.Message(e)}",
            });
            return rows;
        }
        using (doc)
        {
            var array = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("rows", out var r) ? r : doc.RootElement;
            if (array.ValueKind != JsonValueKind.Array)
            {
                findings.Add(new Finding { Code = "malformed-json", MessageZh = "JSON 应为数组或含 rows 数组的对象", MessageEn = "JSON must be an array of rows or an object with a 'rows' array" });
                return rows;
            }
            var n = 0;
            foreach (var el in array.EnumerateArray())
            {
                n++;
                if (el.ValueKind != JsonValueKind.Object)
                {
                    findings.Add(new Finding { Code = "malformed-row", Row = n, MessageZh = $"第 {n} 项不是对象", MessageEn = $"Item {n} is not an object" });
                    continue;
                }
                string? F(string name)
                {
                    foreach (var alias in LongCsvReader.HeaderAliases[name])
                    {
                        foreach (var p in el.EnumerateObject())
                        {
                            if (!string.Equals(p.Name, alias, StringComparison.OrdinalIgnoreCase)) continue;
                            return p.Value.ValueKind switch
                            {
                                JsonValueKind.String => p.Value.GetString(),
                                JsonValueKind.Number => p.Value.GetRawText(),
                                JsonValueKind.Null => null,
                                _ => p.Value.GetRawText(),
                            };
                        }
                    }
                    return null;
                }
                rows.Add(new RawRow(n, F("zone"), F("indicator"), F("period"), F("value"), F("unit"), F("yoy"), F("source"), ChangePoints: F("change_pp"), Change: F("change")));
            }
        }
        return rows;
    }
}
