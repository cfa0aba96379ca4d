using System.Text;
using CsCheck;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Ingest.Validation;
using FunctionsZone.Core.Registry;
using MiniExcelLibs;

namespace FunctionsZone.Core.Tests.Ingest;

/// <summary>
/// Issue 10: random bytes and random CSV, XLSX and JSON shapes through every reader an import uses — decoding, layout
/// detection, rows, resolution, validation, the reference and rules readers. Only findings come out, never an exception
/// (the rules and registry readers throw InvalidDataException by design, which the import turns into a finding).
/// </summary>
public sealed class ReaderPropertyTests
{
    private static readonly ZoneRegistry Registry = TestRegistry.Create();
    private static readonly Observation[] Stored =
    [
        TestRegistry.Obs("a", "revenue", "2022-04", 5m), TestRegistry.Obs("a", "revenue", "2022-06", 9m),
        TestRegistry.Obs("b", "revenue", "2021-05", 79228162514264337593543950335m), TestRegistry.Obs("c", "revenue", "2022-05", -79228162514264337593543950335m),
    ];

    private static Gen<T> Pick<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static readonly string[] Tokens =
    [
        "zone", "indicator", "period", "value", "unit", "yoy", "开发区", "指标", "期间", "数值", "单位", "同比", "本月", "1-5月累计", "同比增长(%)",
        "甲区", "乙县", "a", "b", "revenue", "一般公共预算收入", "fdi", "tax", "tax_per_mu", "share", "2022-05", "2022年1-5月", "2021", "2022-13", "0000",
        "9.39", "-1", "0", "1e40", "1e-40", "79228162514264337593543950335", "-79228162514264337593543950335", "9999999999999999999999999999", "NaN",
        "1,234.5", "１２３", "9.39亿", "—", "-", "", " ", "亿元", "万元", "亿美元", "万美元", "%", "furlongs", "\"", "\"\"", ",", ";", "\t", "\r", "\n",
        "\u0000", "\u001b", "\uFEFF", "\uFFFD", "=cmd|' /C calc'!A0", "聊城经济技术开发区 2022年1-5月主要经济指标", "单位：万元", "其中：",
    ];

    private static readonly Gen<string> Token = Gen.Int[0, Tokens.Length - 1].Select(i => Tokens[i]);
    private static readonly Gen<string[][]> Table = Token.Array[0, 8].Array[0, 12];
    private static readonly Gen<string> Delimiter = Pick(",", "\t", ";", "|");

    private static readonly Gen<string> JsonValue = Gen.OneOf(
        Token.Select(t => System.Text.Json.JsonSerializer.Serialize(t)),
        Pick("1e400", "-1e400", "79228162514264337593543950336", "null", "true", "[]", "{}", "[[[[1]]]]", "{\"a\":{\"b\":[1,2]}}", "0.000000000000000000000000000001"));
    private static readonly Gen<string> JsonRow = Gen.Select(Pick("zone", "indicator", "period", "value", "unit", "yoy", "开发区", "数值", "x").Array[0, 7], JsonValue.Array[7])
        .Select((keys, values) => "{" + string.Join(",", keys.Select((k, i) => $"\"{k}\":{values[i]}")) + "}");
    private static readonly Gen<string> JsonText = Gen.OneOf(
        Gen.Select(JsonRow.Array[0, 8], Gen.Bool).Select((rows, wrapped) => wrapped ? "{\"rows\":[" + string.Join(",", rows) + "]}" : "[" + string.Join(",", rows) + "]"),
        JsonValue,
        Gen.Select(JsonRow.Array[1, 4], Gen.Int[1, 200]).Select((rows, cut) => { var s = "[" + string.Join(",", rows) + "]"; return s[..Math.Min(cut, s.Length)]; }));

    /// <summary>What an import does with a file before it writes anything, in the order it does it.</summary>
    private static List<Finding> ReadAll(InputFile file)
    {
        var findings = new List<Finding>();
        _ = file.NotUtf8Line;
        var kind = file.Kind;
        var raw = ObservationFileReader.Read(new FunctionsZone.Formats.CsvTableReader(), file, Registry, findings, new ParseLimits { MaxInflatedBytes = 4 * 1024 * 1024, MaxCellChars = 500 });
        var resolved = new RowResolver(Registry).Resolve(raw, file.Name, findings);
        findings.AddRange(new ObservationValidator(Registry, ValidationRules.Default).Validate(resolved, Stored));
        if (file.Extension is ".csv" or ".txt" or ".json")
        {
            var text = file.Text();
            ReferenceFileReader.ReadTargets(new FunctionsZone.Formats.CsvTableReader(), text, Registry, findings);
            ReferenceFileReader.ReadOfficialRanks(new FunctionsZone.Formats.CsvTableReader(), text, Registry, findings);
            foreach (var read in new Action[] { () => ValidationRules.Parse(text), () => RegistryFiles.ReadZones(text), () => RegistryFiles.ReadIndicators(text) })
            {
                try { read(); }
                catch (InvalidDataException) { }
            }
        }
        _ = ImportSummary.Group(findings);
        Assert.All(findings, f => Assert.Contains(" / ", f.Message));
        _ = kind;
        return findings;
    }

    private static byte[] Workbook(string[][] rows)
    {
        using var m = new MemoryStream();
        var width = Math.Max(1, rows.Select(r => r.Length).DefaultIfEmpty(0).Max());
        var data = rows.Select(r => Enumerable.Range(0, width).ToDictionary(i => $"c{i}", i => (object)(i < r.Length ? r[i] : ""))).ToList();
        if (data.Count == 0) data.Add(new Dictionary<string, object> { ["c0"] = "" });
        m.SaveAs(data, printHeader: false);
        return m.ToArray();
    }

    [Fact]
    public void Random_bytes_under_any_extension_give_findings_not_exceptions() =>
        Gen.Select(Gen.Byte.Array[0, 3000], Pick(".csv", ".txt", ".json", ".xlsx", ".xls", ".bin")).Sample((bytes, ext) =>
        {
            ReadAll(new InputFile("random" + ext, bytes));
        }, iter: 300);

    [Fact]
    public void Random_CSV_shapes_give_findings_not_exceptions() =>
        Gen.Select(Table, Delimiter, Gen.Int[0, 3]).Sample((rows, d, encoding) =>
        {
            var text = string.Join("\n", rows.Select(r => string.Join(d, r)));
            var bytes = encoding switch
            {
                0 => Encoding.UTF8.GetBytes(text),
                1 => TextDecoding.Gb18030.GetBytes(text),
                2 => Encoding.Unicode.GetBytes(text),
                _ => [.. Encoding.UTF8.GetBytes(text), .. TextDecoding.Gb18030.GetBytes("\n甲区,一般公共预算收入,2022-05,1\n")],
            };
            ReadAll(new InputFile("shape.csv", bytes));
        }, iter: 300);

    [Fact]
    public void Random_JSON_shapes_give_findings_not_exceptions() =>
        JsonText.Sample(text =>
        {
            ReadAll(new InputFile("rows.json", Encoding.UTF8.GetBytes(text)));
        }, iter: 300);

    [Fact]
    public void Random_XLSX_shapes_and_damaged_workbooks_give_findings_not_exceptions() =>
        Gen.Select(Table, Gen.Int[0, 2], Gen.Int.Array[0, 6]).Sample((rows, damage, flips) =>
        {
            var bytes = Workbook(rows);
            if (damage == 1) foreach (var f in flips) bytes[(int)((uint)f % bytes.Length)] ^= 0x5A;
            if (damage == 2) bytes = bytes[..(int)((uint)(flips.FirstOrDefault() + 1) % bytes.Length)];
            ReadAll(new InputFile("shape.xlsx", bytes));
        }, iter: 150);
}
