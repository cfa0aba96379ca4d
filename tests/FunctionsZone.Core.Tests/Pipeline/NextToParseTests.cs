using System.Text;
using FunctionsZone.Core.Importers;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Core.Tests.Pipeline;

/// <summary>Which observation file IngestEachAsync parses while the files before it write.</summary>
public sealed class NextToParseTests
{
    private static readonly IngestOptions Options = new() { MaxRows = int.MaxValue, MaxFileBytes = long.MaxValue };
    private static InputFile File(string name, string text) => new(name, Encoding.UTF8.GetBytes(text));

    private static readonly IReadOnlyList<InputFile> Run = ImporterSet.InRunOrder(
    [
        File("observations-2022-02.csv", "zone,indicator,period,value\nz1,gdp,2022-02,2\n"),
        File("zones.json", "[]"),
        File("targets.csv", "zone,indicator,year,target,kind\n"),
        File("indicators.json", "[]"),
        File("observations-2022-01.csv", "zone,indicator,period,value\nz1,gdp,2022-01,1\n"),
        File("validation-rules.json", "{}"),
    ]);

    [Fact]
    public void The_first_observation_file_is_parsed_while_the_files_after_the_registry_write()
    {
        Assert.Equal(["indicators.json", "zones.json", "validation-rules.json", "targets.csv", "observations-2022-01.csv", "observations-2022-02.csv"],
            Run.Select(f => f.Name));
        // From the validation rules on, nothing can change the registry: the first observation file is read during them and the targets.
        Assert.Equal(4, ImporterSet.NextToParse(Run, 2, Options));
        Assert.Equal(4, ImporterSet.NextToParse(Run, 3, Options));
        Assert.Equal(5, ImporterSet.NextToParse(Run, 4, Options));
        Assert.Null(ImporterSet.NextToParse(Run, 5, Options));
    }

    [Fact]
    public void No_file_is_parsed_ahead_of_a_registry_file()
    {
        // During indicators.json, zones.json is still to come: what the observations resolve to may change.
        Assert.Null(ImporterSet.NextToParse(Run, 0, Options));
    }

    [Fact]
    public void A_file_the_import_refuses_is_not_parsed_ahead()
    {
        var small = new IngestOptions { MaxRows = int.MaxValue, MaxFileBytes = 10 };
        Assert.Null(ImporterSet.NextToParse(Run, 3, small));
    }
}
