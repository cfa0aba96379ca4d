using System.Text;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Tests.Ingest;

/// <summary>Every header name docs/ingest.md §2 lists is accepted: the test reads the doc's table and tries each one.</summary>
public class DocumentedHeaderTests
{
    private static readonly string[] Columns = ["zone", "indicator", "period", "value", "unit", "yoy", "source", "change_pp", "change"];
    private static readonly string[] Required = ["zone", "indicator", "period", "value"];
    private static readonly Dictionary<string, string> Cell = new()
    {
        ["zone"] = "lc-etdz", ["indicator"] = "retail_sales", ["period"] = "2022-05", ["value"] = "33.4",
        ["unit"] = "亿元", ["yoy"] = "19.7", ["source"] = "test", ["change_pp"] = "2.1", ["change"] = "1.2",
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
        // The four required columns, and the one tried if it is another; a change in 个百分点 needs a share in %.
        var columns = Required.Contains(column) ? Required : [.. Required, column];
        var cells = new Dictionary<string, string>(Cell);
        if (column == "change_pp") (cells["indicator"], cells["value"]) = ("private_investment_share", "85.6");
        var csv = string.Join(',', columns.Select(c => Quoted(c == column ? name : c))) + "\n" + string.Join(',', columns.Select(c => cells[c])) + "\n";
        var file = new InputFile("bureau.csv", Encoding.UTF8.GetBytes(csv));
        // The pipeline's kind first: a file it does not recognise imports nothing.
        Assert.Equal(InputKind.Observations, file.Kind);
        var findings = new List<Finding>();
        var rows = new RowResolver(Repo.Registry).Resolve(ObservationFileReader.Read(new FunctionsZone.Formats.CsvTableReader(), file, Repo.Registry, findings), file.Name, findings);
        Assert.Empty(findings);
        var o = Assert.Single(rows).Observation;
        Assert.Equal(("lc-etdz", "2022-05", decimal.Parse(cells["value"])), (o.Zone, o.Period.ToString(), o.Value));
        object? read = column switch
        {
            "indicator" => o.Indicator, "unit" => o.Value, "yoy" => o.Yoy, "source" => o.Source,
            "change_pp" => o.ChangePoints, "change" => o.Change, _ => o.Value,
        };
        object expected = column switch
        {
            "indicator" => "retail_sales", "unit" => 33.4m, "yoy" => 19.7m, "source" => "test", "change_pp" => 2.1m, "change" => 1.2m, _ => 33.4m,
        };
        Assert.Equal(expected, read);
    }

    private static string Quoted(string h) => h.Contains(',') ? $"\"{h}\"" : h;
}
