using FunctionsZone.Core.Tables;
using FunctionsZone.Formats;
using Xunit;

namespace FunctionsZone.Core.Tests.Formats;

/// <summary>Formats' table reader gives Core what its readers name in findings: the record's row, its line, folded headers.</summary>
public sealed class CsvTableReaderTests
{
    private readonly ITableFileReader _reader = new CsvTableReader();

    [Fact]
    public void A_quoted_line_break_moves_the_line_but_not_the_row()
    {
        var t = _reader.ReadRecords("\uFEFF Zone ,NameZh\na,\"two\nlines\"\nb, x \n", TableOptions.Lenient);
        Assert.True(t.HasHeader);
        Assert.Equal([(2, 3), (3, 4)], t.Records.Select(r => (r.Row, r.Line)));
        Assert.Equal("two\nlines", t.Records[0]["namezh"]);
        Assert.Equal("x", t.Records[1]["namezh"]);
        Assert.Null(t.Records[1]["missing"]);
    }

    [Fact]
    public void Exact_tables_keep_headers_and_cells_as_written()
    {
        var r = _reader.ReadRecords("id,nameZh\n1, 甲 \n", TableOptions.Exact).Records.Single();
        Assert.Equal(" 甲 ", r.Required("nameZh"));
        Assert.Throws<InvalidDataException>(() => r.Required("namezh"));
    }

    [Fact]
    public void An_empty_text_has_no_header()
    {
        Assert.False(_reader.ReadRecords("", TableOptions.Lenient).HasHeader);
        Assert.Throws<InvalidDataException>(() => Core.Targets.ProjectRegistry.Read(_reader, ""));
    }
}
