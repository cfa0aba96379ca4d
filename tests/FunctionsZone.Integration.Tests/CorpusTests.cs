using System.Text.Json;
using Azure.Data.Tables;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Storage.Observations;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests;

/// <summary>
/// Every file of Corpus/ is ingested over the seeds into its own storage and must produce exactly the codes and
/// rows its *.expect.json names; a rejected file must leave every stored value (and the history) as it was.
/// </summary>
public class CorpusTests
{
    public static string CorpusFolder => Path.Combine(Azurite.RepoRoot, "tests", "FunctionsZone.Integration.Tests", "Corpus");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(CorpusFolder, "*.expect.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f)[..^".expect.json".Length]);
        return data;
    }

    private sealed record Expected(string Status, List<ExpectedFinding> Findings, ExpectedCounts? Counts, List<string>? Setup,
        bool AllowPartial, int? MaxRows, string? Encoding, string? Description);
    private sealed record ExpectedFinding(string Code, List<int> Rows, string? Column);
    private sealed record ExpectedCounts(int Imported, int Updated, int Unchanged, int Ignored);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_corpus_file_gives_its_expected_findings(string name)
    {
        var expect = JsonSerializer.Deserialize<Expected>(File.ReadAllText(Path.Combine(CorpusFolder, name + ".expect.json")), Core.Json.Options)!;
        var file = Directory.GetFiles(CorpusFolder, name + ".*").Single(f => !f.EndsWith(".expect.json"));
        var storage = new TestStorage();
        var pipeline = storage.Pipeline();
        await SeedAsync(pipeline);
        foreach (var setup in expect.Setup ?? [])
            Assert.NotEqual(ImportStatus.Error, (await pipeline.IngestAsync(Read(Path.Combine(CorpusFolder, setup)), new IngestOptions())).Status);
        var before = await StoredAsync(storage);

        var options = new IngestOptions { AllowPartial = expect.AllowPartial } with { MaxRows = expect.MaxRows ?? new IngestOptions().MaxRows };
        var summary = await pipeline.IngestAsync(Read(file), options);
        var report = JsonSerializer.Serialize(summary, Core.Json.Indented);

        Assert.True(expect.Status == summary.Status.ToString().ToUpperInvariant(), $"status {summary.Status}, expected {expect.Status}\n{report}");
        Assert.True(expect.Findings.Select(f => f.Code).Order().SequenceEqual(summary.Findings.Select(f => f.Code).Order()),
            $"codes [{string.Join(", ", summary.Findings.Select(f => f.Code))}], expected [{string.Join(", ", expect.Findings.Select(f => f.Code))}]\n{report}");
        foreach (var e in expect.Findings)
        {
            var got = summary.Findings.Single(f => f.Code == e.Code);
            Assert.True(e.Rows.SequenceEqual(got.Rows), $"{e.Code}: rows [{string.Join(",", got.Rows)}], expected [{string.Join(",", e.Rows)}]\n{report}");
            // Chinese, then English, in one message.
            Assert.Contains(" / ", got.Message);
            if (e.Column is not null) Assert.StartsWith(e.Column, got.Column);
        }
        if (expect.Counts is { } c)
            Assert.Equal(new ImportCounts(c.Imported, c.Updated, c.Unchanged, c.Ignored), summary.Counts);
        if (expect.Encoding is not null) Assert.Equal(expect.Encoding, summary.Encoding);

        var after = await StoredAsync(storage);
        if (summary.Status == ImportStatus.Error && !expect.AllowPartial)
        {
            // All-or-nothing: a rejected file changes no stored value and writes no history.
            Assert.Equal(before.Observations, after.Observations);
            Assert.Equal(before.History, after.History);
        }
        if (summary.Counts.Imported + summary.Counts.Updated == 0) Assert.Equal(before.Observations, after.Observations);
    }

    internal static InputFile Read(string path) => new(Path.GetFileName(path), File.ReadAllBytes(path));

    /// <summary>The registry and the seed observations (what a zone has stored before the month's file arrives).</summary>
    internal static async Task SeedAsync(MonthlyPipeline pipeline)
    {
        foreach (var f in new[] { "indicators.json", "groups.json", "zones.json", "observations.csv" })
        {
            var s = await pipeline.IngestAsync(Read(Path.Combine(TestStorage.SeedsFolder, f)), new IngestOptions());
            Assert.Equal(ImportStatus.Success, s.Status);
        }
    }

    internal static async Task<(List<string> Observations, List<string> History)> StoredAsync(TestStorage storage)
    {
        var store = new TableObservationStore(storage.Clients);
        var obs = (await store.ReadPeriodsAsync(await store.ListPeriodsAsync()))
            .Select(o => $"{o.Zone}|{o.Indicator}|{o.Period}|{o.Value}|{o.Yoy}|{o.ImportId}").Order(StringComparer.Ordinal).ToList();
        var history = new List<string>();
        await foreach (var e in storage.Clients.Table("History").QueryAsync<TableEntity>())
            history.Add($"{e.PartitionKey}|{e.RowKey}");
        return (obs, history.Order(StringComparer.Ordinal).ToList());
    }
}
