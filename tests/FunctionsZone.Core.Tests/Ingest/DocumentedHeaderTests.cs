using System.Text;
using FunctionsZone.Core.Ingest;

namespace FunctionsZone.Core.Tests.Ingest;

/// <summary>Every header name docs/ingest.md §2 lists is accepted: the test reads the doc's table and tries each one.</summary>
public class DocumentedHeaderTests
{
    private static readonly string[] Columns = ["zone", "indicator", "period", "value", "unit", "yoy", "source"];
    private static readonly Dictionary<string, string> Cell = new()
    {
        ["zone"] = "lc-etdz", ["indicator"] = "retail_sales", ["period"] = "2022-05", ["value"] = "33.4",
        ["unit"] = "亿元", ["yoy"] = "19.7", ["source"] = "test",
    };

    /// <summary>(column, header name) for each name in the first two cells of the long layout's table in docs/ingest.md §2.</summary>
    public static TheoryData<string, string> DocumentedNames()
    {
        var doc = File.ReadAllLines(Path.Combine(Repo.Root, "docs", "ingest.md"));
        var section = doc.SkipWhile(l => !l.StartsWith("## 2.")).Skip(1).TakeWhile(l => !l.StartsWith("## "));
        var data = new TheoryData<string, string>();
        foreach (var line in section.Where(l => l.StartsWith("| ")))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (!Columns.Contains(cells[1])) continue;
            data.Add(cells[1], cells[1]);
            foreach (var name in cells[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                data.Add(cells[1], name);
        }
        return data;
    }

    [Fact]
    public void The_doc_lists_every_column() =>
        Assert.Equal(Columns, DocumentedNames().Select(d => (string)d[0]).Distinct());

    [Theory]
    [MemberData(nameof(DocumentedNames))]
    public void Each_documented_header_is_read_as_the_long_layout(string column, string name)
    {
        var header = Columns.Select(c => c == column ? name : c);
        var csv = string.Join(',', header.Select(Quoted)) + "\n" + string.Join(',', Columns.Select(c => Cell[c])) + "\n";
        var file = new InputFile("bureau.csv", Encoding.UTF8.GetBytes(csv));
        // The pipeline's kind first: a file it does not recognise imports nothing.
        Assert.Equal(InputKind.Observations, file.Kind);
        var findings = new List<Finding>();
        var rows = new RowResolver(Repo.Registry).Resolve(ObservationFileReader.Read(file, Repo.Registry, findings), file.Name, findings);
        Assert.Empty(findings);
        var o = Assert.Single(rows).Observation;
        Assert.Equal(("lc-etdz", "retail_sales", "2022-05", 33.4m, 19.7m), (o.Zone, o.Indicator, o.Period.ToString(), o.Value, o.Yoy));
        if (column == "source") Assert.Equal("test", o.Source);
    }

    private static string Quoted(string h) => h.Contains(',') ? $"\"{h}\"" : h;
}
