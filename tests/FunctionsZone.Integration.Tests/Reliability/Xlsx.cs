using System.IO.Compression;
using System.Text;

namespace FunctionsZone.Integration.Tests.Reliability;

/// <summary>Hand-made workbooks for hostile input: a real .xlsx package with whatever sheet XML a test needs.</summary>
public static class Xlsx
{
    public static byte[] Workbook(params string[] sheetXml)
    {
        using var m = new MemoryStream();
        using (var zip = new ZipArchive(m, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                var e = zip.CreateEntry(name, CompressionLevel.Optimal);
                using var w = new StreamWriter(e.Open(), new UTF8Encoding(false));
                w.Write(text);
            }
            var sheets = Enumerable.Range(1, sheetXml.Length).ToList();
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
                + string.Concat(sheets.Select(i => $"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""")) + "</Types>");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"""
                + string.Concat(sheets.Select(i => $"""<sheet name="Sheet{i}" sheetId="{i}" r:id="rId{i}"/>""")) + "</sheets></workbook>");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"""
                + string.Concat(sheets.Select(i => $"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""")) + "</Relationships>");
            for (var i = 0; i < sheetXml.Length; i++) Add($"xl/worksheets/sheet{i + 1}.xml", sheetXml[i]);
        }
        return m.ToArray();
    }

    /// <summary>A worksheet with the given dimension and rows of inline-string cells.</summary>
    public static string Sheet(string? dimension, params string[][] rows)
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
        if (dimension is not null) sb.Append($"""<dimension ref="{dimension}"/>""");
        sb.Append("<sheetData>");
        for (var r = 0; r < rows.Length; r++)
        {
            sb.Append($"""<row r="{r + 1}">""");
            for (var c = 0; c < rows[r].Length; c++)
                sb.Append($"""<c r="{(char)('A' + c)}{r + 1}" t="inlineStr"><is><t>{System.Security.SecurityElement.Escape(rows[r][c])}</t></is></c>""");
            sb.Append("</row>");
        }
        return sb.Append("</sheetData></worksheet>").ToString();
    }

    public static readonly string[][] LongRows =
    [
        ["zone", "indicator", "period", "value"],
        ["lc-etdz", "retail_sales", "2022-05", "35"],
    ];
}
