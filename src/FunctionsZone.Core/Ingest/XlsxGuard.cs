using System.IO.Compression;
using System.Xml;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ingest;

/// <summary>
/// Checks an .xlsx before it is parsed, by streaming its parts and counting: inflated bytes, each sheet's declared
/// dimension and the cells it uses, and the length of every cell's text (inline and shared strings), read in chunks
/// so a 50 MB string is never held whole. A 1.6 KB workbook declaring A1:XFD20, or a 52 KB one inflating to a 50 MB
/// string, is refused here in milliseconds instead of being laid out by the parser.
/// </summary>
public static class XlsxGuard
{
    private sealed class TooLarge(long cap) : Exception($"inflated past {cap}");

    /// <summary>The finding that refuses the workbook, or null when it is within every limit.</summary>
    public static Finding? Check(byte[] content, ParseLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            long declared = 0;
            foreach (var e in zip.Entries) declared += e.Length;
            if (declared > limits.MaxInflatedBytes) return InflatesTooMuch(limits);
            long inflated = 0;
            foreach (var e in zip.Entries)
            {
                var name = e.FullName.Replace('\\', '/');
                var isSheet = name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);
                var isStrings = name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                using var stream = new CountingStream(e.Open(), limits.MaxInflatedBytes - inflated);
                var finding = isSheet || isStrings ? Scan(stream, isSheet, Path.GetFileNameWithoutExtension(name), limits) : Drain(stream);
                inflated += stream.Count;
                if (finding is not null) return finding;
            }
            return null;
        }
        catch (TooLarge) { return InflatesTooMuch(limits); }
        // Not a zip or not XML: the parser reports it as malformed-xlsx.
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException) { return null; }
    }

    private static Finding? Drain(Stream s)
    {
        var buffer = new byte[81920];
        while (s.Read(buffer, 0, buffer.Length) > 0) { }
        return null;
    }

    private static Finding? Scan(Stream s, bool isSheet, string part, ParseLimits limits)
    {
        using var xml = XmlReader.Create(s, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true });
        var chunk = new char[8192];
        string? cell = null;
        long maxRow = 0, maxCol = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (isSheet && xml.LocalName == "dimension" && xml.GetAttribute("ref") is { } dim)
            {
                var end = dim.Contains(':') ? dim[(dim.IndexOf(':') + 1)..] : dim;
                if (Cell(end) is { } d && TooBig(d.Row, d.Col, limits)) return SheetTooLarge(part, $"声明范围 {Quote.Cell(dim, 20)}", $"declares {Quote.Cell(dim, 20)}", limits);
            }
            else if (isSheet && xml.LocalName == "c")
            {
                cell = xml.GetAttribute("r");
                if (cell is not null && Cell(cell) is { } c)
                {
                    maxRow = Math.Max(maxRow, c.Row);
                    maxCol = Math.Max(maxCol, c.Col);
                    if (TooBig(maxRow, maxCol, limits)) return SheetTooLarge(part, $"使用到单元格 {Quote.Cell(cell, 20)}", $"uses cell {Quote.Cell(cell, 20)}", limits);
                }
            }
            else if (isSheet && xml.LocalName == "row" && long.TryParse(xml.GetAttribute("r"), out var r))
            {
                maxRow = Math.Max(maxRow, r);
                if (TooBig(maxRow, Math.Max(maxCol, 1), limits)) return SheetTooLarge(part, $"有第 {r} 行", $"has row {r}", limits);
            }
            else if (xml.LocalName is "t" or "v" && !xml.IsEmptyElement)
            {
                long length = 0;
                xml.Read();
                while (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                {
                    int n;
                    while ((n = xml.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                    {
                        length += n;
                        if (length > limits.MaxCellChars) return CellTooLong(part, isSheet ? cell : null, limits);
                    }
                    if (!xml.Read()) break;
                }
            }
        }
        return null;
    }

    private static bool TooBig(long row, long col, ParseLimits l) => row > l.MaxSheetRows || col > l.MaxColumns || row * col > l.MaxSheetCells;

    /// <summary>"XFD20" → row 20, column 16384.</summary>
    private static (long Row, long Col)? Cell(string reference)
    {
        long col = 0, row = 0;
        var i = 0;
        var r = reference.Trim().Replace("$", "");
        for (; i < r.Length && char.IsAsciiLetter(r[i]); i++)
        {
            col = col * 26 + (char.ToUpperInvariant(r[i]) - 'A' + 1);
            if (col > 1_000_000) return (long.MaxValue / 4, long.MaxValue / 4);
        }
        if (i == 0 || !long.TryParse(r[i..], out row)) return null;
        return (Math.Min(row, long.MaxValue / 4), col);
    }

    private static Finding InflatesTooMuch(ParseLimits l) => new()
    {
        Code = "xlsx-too-large",
        MessageZh = $"Excel 文件解压后超过 {l.MaxInflatedBytes:N0} 字节上限，未读取", MessageEn = $"The workbook inflates past the limit of {l.MaxInflatedBytes:N0} bytes and was not read",
    };

    private static Finding SheetTooLarge(string part, string zh, string en, ParseLimits l) => new()
    {
        Code = "sheet-too-large",
        MessageZh = $"工作表 {Quote.Cell(part, 40)} {zh}，超过上限（{l.MaxSheetRows:N0} 行、{l.MaxColumns:N0} 列、{l.MaxSheetCells:N0} 个单元格），未读取",
        MessageEn = $"Worksheet {Quote.Cell(part, 40)} {en}, over the limits ({l.MaxSheetRows:N0} rows, {l.MaxColumns:N0} columns, {l.MaxSheetCells:N0} cells); not read",
    };

    private static Finding CellTooLong(string part, string? cell, ParseLimits l) => new()
    {
        Code = "cell-too-long", Column = cell is null ? null : Quote.Cell(cell, 20),
        MessageZh = $"{(cell is null ? $"共享字符串（{part}）" : $"单元格 {Quote.Cell(cell, 20)}")}超过 {l.MaxCellChars:N0} 个字符，未读取",
        MessageEn = $"{(cell is null ? $"A shared string ({part})" : $"Cell {Quote.Cell(cell, 20)}")} is over {l.MaxCellChars:N0} characters; the workbook was not read",
    };

    /// <summary>Counts what is read through it and stops past the cap: a zip entry's declared size may lie.</summary>
    private sealed class CountingStream(Stream inner, long cap) : Stream
    {
        public long Count { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            Count += n;
            if (Count > cap) throw new TooLarge(cap);
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
