using Azure.Data.Tables;
using FunctionsZone.Bench.Generation;
using FunctionsZone.Composition;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Registry;
using FunctionsZone.Storage.Observations;

namespace FunctionsZone.Bench;

/// <summary>
/// The run's input files: the seeds, or generated data (with the seeds' schemes) in a temporary folder deleted on
/// dispose. Read from the folder at each use, never held: the pipeline's memory is measured in this process, and the
/// files (bytes and decoded text, ~30 MiB for a national month) are the caller's, gone once ingested.
/// </summary>
public sealed class BenchInput : IDisposable
{
    private readonly string? _generated;

    private BenchInput(string folder, string? generated)
    {
        Folder = folder;
        _generated = generated;
        Registry = RegistryFiles.LoadFolder(folder);
    }

    public string Folder { get; }
    public ZoneRegistry Registry { get; }
    /// <summary>Generated data: a seed scheme whose group it lacks is skipped, not an error (IngestPass).</summary>
    public bool Generated => _generated is not null;
    public IReadOnlyList<InputFile> Files() => InputFile.FromFolder(Folder);

    public static BenchInput Prepare(GeneratorOptions? generator, Action<string>? progress)
    {
        if (generator is null)
            return new BenchInput(SeedsFolder() ?? throw new InvalidOperationException("找不到 seeds/ 文件夹 / no seeds/ folder found above the current directory"), null);
        var folder = Directory.CreateTempSubdirectory("fz-bench-").FullName;
        progress?.Invoke($"generate {generator.Zones} × {generator.Indicators} × {generator.Months} → {folder}");
        new DatasetGenerator(generator).WriteTo(folder);
        CopySeedSchemes(folder);
        return new BenchInput(folder, folder);
    }

    private static string? SeedsFolder() => RepositoryPaths.FindUp("seeds");

    /// <summary>The schemes are data like the rest: the seeds' scheme files are ingested with the generated files.</summary>
    private static void CopySeedSchemes(string folder)
    {
        if (SeedsFolder() is not { } seeds || !Directory.Exists(Path.Combine(seeds, InputFile.SchemesFolder))) return;
        Directory.CreateDirectory(Path.Combine(folder, InputFile.SchemesFolder));
        foreach (var f in Directory.GetFiles(Path.Combine(seeds, InputFile.SchemesFolder), "*.json"))
            File.Copy(f, Path.Combine(folder, InputFile.SchemesFolder, Path.GetFileName(f)));
    }

    /// <summary>The same entities the observation store writes, parsed and validated outside the timings.</summary>
    public List<TableEntity> Entities()
    {
        var list = new List<TableEntity>();
        foreach (var f in Files().Where(f => f.Kind == InputKind.Observations))
        {
            var findings = new List<Finding>();
            var raw = f.Extension == ".json" ? JsonRowsReader.Read(f.Text(), findings) : LongCsvReader.Read(new StringReader(f.Text()), findings);
            // The import id an import of this file gets, so each entity has the bytes the store writes (a shorter
            // id, "ceiling", made every ceiling entity 21 bytes lighter than the one the store writes).
            var importId = ImportSummary.NewId(DateTimeOffset.UtcNow, f.Sha256);
            foreach (var r in new RowResolver(Registry).Resolve(raw, f.Name, findings))
                list.Add(ObservationEntity.ToEntity(r.Observation with { ImportId = importId }));
        }
        return list;
    }

    public void Dispose()
    {
        if (_generated is not null) try { Directory.Delete(_generated, recursive: true); } catch (IOException) { }
    }
}

/// <summary>What the input holds: its values, their partitions and months, and the values per period (for the reads per month).</summary>
public sealed record InputValues(int Count, IReadOnlyList<string> Partitions, int Months, IReadOnlyDictionary<string, long> ByPeriod)
{
    public static InputValues Of(List<TableEntity> entities) => new(
        entities.Count,
        entities.Select(e => e.PartitionKey).Distinct().ToList(),
        entities.Select(e => e.GetString("Period")).Distinct().Count(p => Core.Domain.Period.TryParse(p, out var x) && x.IsMonth),
        entities.GroupBy(e => e.GetString("Period")).ToDictionary(g => g.Key!, g => (long)g.Count(), StringComparer.Ordinal));
}
