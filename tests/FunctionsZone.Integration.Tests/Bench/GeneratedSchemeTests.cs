using FunctionsZone.Core.Derived;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Bench.Generation;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Registry;
using Xunit;

namespace FunctionsZone.Integration.Tests.Bench;

/// <summary>
/// The bench's composite figures mean something only if a built-in scheme evaluates on generated data:
/// at the bench's 60 indicators the generator's catalogue holds every indicator of the national scheme.
/// </summary>
public sealed class GeneratedSchemeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fz-gen-scheme-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_national_scheme_evaluates_on_a_generated_month_with_every_column()
    {
        var options = new GeneratorOptions { Zones = 300, Indicators = 60, Months = 1, Seed = 3, Start = Period.OfMonth(2022, 5) };
        new DatasetGenerator(options).WriteTo(_dir);
        var registry = RegistryFiles.LoadFolder(_dir);
        var schemes = SchemeCatalog.Of(Directory.GetFiles(Path.Combine(Infrastructure.TestStorage.SeedsFolder, "schemes"), "*.json")
            .Select(f => SchemeFile.Parse(File.ReadAllText(f), f)).ToArray());
        var national = schemes.Get("national");
        Assert.All(national.AllIndicators, x => Assert.NotNull(registry.FindIndicator(x.Indicator.Indicator)));

        var observations = new List<Observation>();
        foreach (var f in Directory.GetFiles(_dir, "observations-*.csv"))
        {
            var findings = new List<Finding>();
            observations.AddRange(new RowResolver(registry).Resolve(LongCsvReader.Read(new StringReader(File.ReadAllText(f)), findings), f, findings).Select(r => r.Observation));
        }
        var set = new ObservationSet(observations);
        var may = options.Start;
        foreach (var d in PerMuCalculator.Derive(registry, set, [may])) set.Add(d);

        var skipped = new List<string>();
        var results = EvaluationStep.Composites(registry, set, may, [], schemes, (_, en) => skipped.Add(en));
        var result = Assert.Single(results, r => r.Scheme == "national");
        var members = registry.Members(registry.FindGroup("national-etdz")!).Count;
        Assert.True(result.Zones.Count >= members * 9 / 10, $"{result.Zones.Count} of {members} national zones scored");
        Assert.Equal(1000, result.Draws);
        // Lower is better where the seeds say so (能耗), and the derived 亩均 columns have values.
        Assert.Equal("lower", result.Indicators.First(i => i.Indicator == "energy_per_va").Direction);
        Assert.Contains(result.Zones, z => z.Indicators.Any(i => i.Indicator == "investment_per_mu" && i.Value is not null));
        // The provincial and city schemes name groups generated data does not have: skipped with a message, not fatal.
        Assert.Contains(skipped, m => m.Contains("shandong", StringComparison.Ordinal));
    }
}
