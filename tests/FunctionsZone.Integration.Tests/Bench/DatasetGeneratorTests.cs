using Xunit;
using System.Globalization;
using FunctionsZone.Core.Domain;
using FunctionsZone.Bench.Generation;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Integration.Tests.Bench;

public sealed class DatasetGeneratorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fz-gen-test-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly GeneratorOptions Options = new() { Zones = 120, Indicators = 30, Months = 12, Seed = 42 };

    private static Dictionary<string, byte[]> Files(string dir) =>
        Directory.GetFiles(dir).ToDictionary(Path.GetFileName, File.ReadAllBytes)!;

    [Fact]
    public void The_same_seed_writes_the_same_bytes_and_another_seed_does_not()
    {
        new DatasetGenerator(Options).WriteTo(Path.Combine(_dir, "a"));
        new DatasetGenerator(Options).WriteTo(Path.Combine(_dir, "b"));
        new DatasetGenerator(Options with { Seed = 43 }).WriteTo(Path.Combine(_dir, "c"));
        var a = Files(Path.Combine(_dir, "a"));
        var b = Files(Path.Combine(_dir, "b"));
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (name, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[name]), name);
        Assert.False(a["observations-2022-06.csv"].AsSpan().SequenceEqual(Files(Path.Combine(_dir, "c"))["observations-2022-06.csv"]));
    }

    [Fact]
    public void Writes_a_registry_and_rows_that_resolve_with_realistic_shapes()
    {
        var summary = new DatasetGenerator(Options).WriteTo(_dir);
        var registry = RegistryFiles.LoadFolder(_dir);
        Assert.Equal(120, registry.Zones.Count);
        Assert.Equal(120L * 30 * 12, summary.ObservationRows);
        // Zones spread over several provinces and cities, each in its province's group.
        Assert.True(registry.Zones.Select(z => z.Province).Distinct().Count() >= 10);
        // About nine zones to a city: at 600 zones the large provinces have several cities, each a ranking group.
        var large = new DatasetGenerator(Options with { Zones = 600 }).Registry();
        Assert.Contains(large.Zones.GroupBy(z => z.Province), p => p.Select(z => z.City).Distinct().Count() > 1);
        Assert.Contains(large.Groups, g => g.Id.StartsWith("city-", StringComparison.Ordinal));
        Assert.InRange(large.Zones.Count(z => z.Level == ZoneLevel.National), 20, 90); // ≈ 8.5%
        // A group of one ranks nobody: a zone is in its province's group wherever the province has two or more.
        Assert.All(registry.Zones.GroupBy(z => z.Province).Where(p => p.Count() >= 2).SelectMany(p => p),
            z => Assert.Contains(z.Groups, g => g.StartsWith("prov-", StringComparison.Ordinal)));
        Assert.All(registry.Groups, g => Assert.True(registry.Members(g).Count >= 1, g.Id));

        var observations = new List<Observation>();
        var findings = new List<Finding>();
        foreach (var f in Directory.GetFiles(_dir, "observations-*.csv").Order(StringComparer.Ordinal))
        {
            var fileFindings = new List<Finding>(); // LongCsvReader stops early when handed earlier findings
            observations.AddRange(new RowResolver(registry).Resolve(LongCsvReader.Read(new StringReader(File.ReadAllText(f)), fileFindings), f, fileFindings).Select(r => r.Observation));
            findings.AddRange(fileFindings);
        }
        // Only warnings: the few missing values ("—"), each named by its row.
        Assert.All(findings, f => Assert.Equal("missing-value", f.Code));
        Assert.Equal(summary.MissingValues, findings.Count);
        Assert.InRange(summary.MissingValues, 1, summary.ObservationRows / 50);
        Assert.Equal(summary.ObservationRows - summary.MissingValues, observations.Count);

        var byKind = registry.Indicators.ToDictionary(i => i.Code, i => i.Kind);
        // Shares stay within 0–100.
        Assert.All(observations.Where(o => byKind[o.Indicator] == IndicatorKind.Share), o => Assert.InRange(o.Value!.Value, 0m, 100m));
        // YTD flows never fall within a year (outliers scale a whole series, so this holds for them too).
        foreach (var series in observations.Where(o => byKind[o.Indicator] == IndicatorKind.Ytd && o.Value is not null).GroupBy(o => (o.Zone, o.Indicator, o.Period.Year)))
        {
            var ordered = series.OrderBy(o => o.Period).Select(o => o.Value!.Value).ToList();
            for (var i = 1; i < ordered.Count; i++) Assert.True(ordered[i] >= ordered[i - 1], $"{series.Key}: {ordered[i - 1]} then {ordered[i]}");
        }
        // Amounts are skewed: the mean of an amount across zones is well above its median (log-normal).
        var december = observations.Where(o => o.Indicator == "fixed_asset_investment" && o.Period == Period.OfMonth(2022, 12) && o.Value is not null)
            .Select(o => (double)o.Value!.Value).Order().ToList();
        Assert.True(december.Average() > 1.2 * december[december.Count / 2]);
        // Reported growth rates are plausible.
        Assert.All(observations.Where(o => o.Yoy is not null), o => Assert.InRange(o.Yoy!.Value, -60m, 150m));

        var targets = ReferenceFileReader.ReadTargets(new FunctionsZone.Formats.CsvTableReader(), File.ReadAllText(Path.Combine(_dir, "targets.csv")), registry, findings = []);
        Assert.Empty(findings);
        Assert.Equal(summary.Targets, targets.Count);
        Assert.All(File.ReadLines(Path.Combine(_dir, "observations-2022-01.csv")).Skip(1), l => Assert.EndsWith(",generated", l));
    }

    [Fact]
    public void Bad_options_are_refused_with_a_message_in_both_languages()
    {
        var e = Assert.Throws<ArgumentException>(() => new DatasetGenerator(Options with { Zones = 0 }).WriteTo(_dir));
        Assert.Contains("--zones", e.Message);
        Assert.Contains("至少", e.Message);
    }
}
