using FunctionsZone.Core.Importers;
using System.Text;
using System.Text.Json.Nodes;
using FunctionsZone.Bench.Generation;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Integration.Tests.Pipeline;

/// <summary>
/// MonthlyPipeline.IngestEachAsync, what a run imports its files with: the next observation file is parsed while the
/// current one writes. It must import exactly what the files one by one would, and never parse with a registry a file
/// before it is about to change.
/// </summary>
public sealed class IngestEachTests
{
    private static readonly IngestOptions Options = new() { MaxRows = int.MaxValue, MaxFileBytes = long.MaxValue };

    private static string Generate(int zones, int months) =>
        GeneratedFolder.Write(new GeneratorOptions { Zones = zones, Indicators = 8, Months = months, Seed = 5 }, "fz-each-");

    private static string Outcome(ImportSummary s) =>
        $"{s.File} {s.Kind} {s.Status} {s.Counts} [{string.Join(";", s.Findings.Select(f => $"{f.Code}:{string.Join(",", f.Rows)}"))}] {string.Join(",", s.Periods)}";

    private static async Task<List<string>> StoredAsync(TestStorage storage)
    {
        var store = storage.Get<TableObservationStore>();
        return (await store.ReadPeriodsAsync(await store.ListPeriodsAsync()))
            .Select(o => $"{o.Zone}|{o.Indicator}|{o.Period}|{o.Value}|{o.Yoy}").Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task Files_imported_together_give_the_summaries_and_figures_of_files_imported_one_by_one()
    {
        var dir = Generate(24, 4);
        try
        {
            var files = ImporterSet.InRunOrder(InputFile.FromFolder(dir));
            // A correction of month 2 after month 4: its figures are read against what months 1–4 stored.
            var month2 = files.Single(f => f.Name.EndsWith("observations-2022-02.csv"));
            var text = Encoding.UTF8.GetString(month2.Content).Split('\n');
            var correction = new InputFile("observations-2022-02-fix.csv", Encoding.UTF8.GetBytes(string.Join('\n', text.Take(40))));
            var all = files.Append(correction).ToList();

            var together = new TestStorage();
            var each = new List<string>();
            await foreach (var s in together.Pipeline().IngestEachAsync(all, Options)) each.Add(Outcome(s));

            var apart = new TestStorage();
            var one = new List<string>();
            foreach (var f in all) one.Add(Outcome(await apart.Pipeline().IngestAsync(f, Options)));

            Assert.Equal(all.Count, each.Count);
            Assert.Equal(one, each);
            Assert.Equal(await StoredAsync(apart), await StoredAsync(together));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    public async Task Observations_after_a_zones_file_are_read_with_the_zones_it_adds()
    {
        var dir = Generate(24, 1);
        try
        {
            var files = ImporterSet.InRunOrder(InputFile.FromFolder(dir));
            var zones = files.Single(f => f.Kind == InputKind.Zones);
            var observations = files.Single(f => f.Kind == InputKind.Observations);
            // The registry as it was before the zones file: every zone but the last.
            var list = JsonNode.Parse(zones.Content)!.AsArray();
            var added = list[^1]!["id"]!.GetValue<string>();
            list.RemoveAt(list.Count - 1);
            var before = new InputFile("zones.json", Encoding.UTF8.GetBytes(list.ToJsonString()));

            var storage = new TestStorage();
            var pipeline = storage.Pipeline();
            foreach (var f in files.Where(f => f.Kind is InputKind.Indicators or InputKind.Groups).Append(before))
                Assert.NotEqual(ImportStatus.Error, (await pipeline.IngestAsync(f, Options)).Status);

            var summaries = new List<ImportSummary>();
            await foreach (var s in pipeline.IngestEachAsync([zones, observations], Options)) summaries.Add(s);

            Assert.DoesNotContain(summaries[1].Findings, f => f.Code == "unknown-zone");
            Assert.NotEqual(ImportStatus.Error, summaries[1].Status);
            Assert.Contains(await StoredAsync(storage), row => row.StartsWith(added + "|"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
