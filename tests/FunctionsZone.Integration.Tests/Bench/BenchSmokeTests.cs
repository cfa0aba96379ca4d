using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FunctionsZone.Bench;
using FunctionsZone.Integration.Tests.Infrastructure;
using Xunit;

namespace FunctionsZone.Integration.Tests.Bench;

/// <summary>
/// The benchmark at its small size, as a smoke test: it must complete and its outputs must agree.
/// Speeds are reported by `fz bench`, never asserted here.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task The_small_bench_completes_and_what_it_wrote_is_what_it_read()
    {
        var storage = new TestStorage();
        // scripts/test.sh names its Azurite's process; run elsewhere, the storage's CPU is unknown and said so.
        var storagePid = CpuMeter.StoragePidFromEnvironment("FZ_TEST_STORAGE_PID");
        var report = await FzBenchAsync(storage, storagePid);

        // The pipeline's stages ran as a 512 MB instance runs them, under its GC heap limit, in fz's process and not this one.
        Assert.Equal(InstanceMemoryLimit.HeapLimitBytes / 1024.0 / 1024, report.Memory.PipelineGcHeapLimitMiB);
        Assert.True(report.Memory.PipelinePeakManagedHeapMiB < report.Memory.PipelineGcHeapLimitMiB);
        var a = report.Agreement;
        Assert.True(a.Values > 300, $"the seeds have over 300 values, the bench saw {a.Values}");
        Assert.Equal(a.Values, a.CeilingRead);
        Assert.Equal(a.Values, a.Imported + a.Updated + a.Unchanged);
        Assert.Equal(a.Values, a.Imported); // fresh tables: every value is new
        Assert.Equal(a.Values, a.StoredAfterIngest);
        Assert.True(a.Rankings > 0);
        Assert.True(a.SnapshotFiles > 0);
        Assert.True(a.Agrees);

        Assert.All(report.Stages, s => Assert.True(s.Measured && s.Seconds > 0, s.Name));
        // Ingest ran twice on empty tables, as the ceiling does, and its line is the better pass.
        Assert.Equal(2, report.IngestPassSeconds.Count);
        Assert.All(report.IngestPassSeconds, x => Assert.True(x > 0));
        Assert.Equal(report.IngestPassSeconds.Min(), report.Stages.Single(s => s.Name == "FunctionsZone ingest").Seconds, 3);
        // Composite evaluation: the seeds' schemes apply, and the re-timed step produced what recompute did.
        var composites = report.Composites!;
        Assert.True(composites.Results > 0, string.Join("; ", composites.Skipped));
        Assert.Equal(composites.FromRecompute, composites.Results);
        Assert.Equal(1000, composites.Draws);
        // Every read measured, in process and over HTTP through fz serve's host.
        Assert.All(report.Queries, q => Assert.True(q.Measured && q.P50Ms <= q.P95Ms && q.P95Ms <= q.P99Ms, q.Name));
        foreach (var name in new[] { "function GetRankings", "function GetSeries", "function GetTargets", "HTTP GET /api/rankings", "HTTP GET /api/series", "HTTP GET /api/targets" })
            Assert.Contains(report.Queries, q => q.Name.StartsWith(name, StringComparison.Ordinal));
        Assert.True(double.IsFinite(report.IngestVsCeiling) && report.IngestVsCeiling > 0);
        Assert.True(double.IsFinite(report.IngestVsNaive) && report.IngestVsNaive > 0);
        Assert.True(double.IsFinite(report.EndToEndVsCeiling) && report.EndToEndVsCeiling > 0);
        // CPU seconds for each stage that talks to storage: fz's own always, the storage's when its process is known.
        foreach (var s in report.Stages.Where(s => s.Transactions is not null))
            Assert.True(s.Cpu is { Self: >= 0 } c && (c.Storage is null) == (storagePid is null), s.Name);
        var ingest = report.Stages.Single(s => s.Name == "FunctionsZone ingest").Cpu!.Value;
        Assert.True(ingest.Self > 0, "ingest parsed and validated in this process");
        if (storagePid is null) Assert.Null(report.Ratios.IngestStorageCpuVsCeiling);
        else
        {
            Assert.True(ingest.Storage > 0, "Azurite stored what ingest wrote");
            Assert.True(report.Ratios.IngestStorageCpuVsCeiling > 0 && report.Ratios.EndToEndStorageCpuVsCeiling > 0);
        }

        // The run cleaned up after itself: none of its tables or containers are left.
        var left = new List<string>();
        await foreach (var t in storage.Clients.Tables.QueryAsync()) if (t.Name.StartsWith(report.RunId, StringComparison.Ordinal)) left.Add(t.Name);
        await foreach (var c in storage.Clients.Blobs.GetBlobContainersAsync(prefix: report.RunId)) left.Add(c.Name);
        Assert.Empty(left);
    }

    /// <summary>`fz bench --size small --json` as users run it, in a process of its own: it lowers its GC's heap limit for the pipeline's stages.</summary>
    private static async Task<BenchReport> FzBenchAsync(TestStorage storage, int? storagePid)
    {
        var json = Path.Combine(Path.GetTempPath(), $"fz-bench-{Guid.NewGuid():N}.json");
        var start = FzProcess.StartInfo(storage.Configuration, Azurite.RepoRoot, "bench", "--size", "small", "--json", json);
        if (storagePid is { } pid) start.Environment[CpuMeter.StoragePidVariable] = pid.ToString(CultureInfo.InvariantCulture);
        else start.Environment.Remove(CpuMeter.StoragePidVariable);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"fz bench exited {process.ExitCode}:\n{await stderr}\n{await stdout}");
        try
        {
            return JsonSerializer.Deserialize<BenchReport>(await File.ReadAllBytesAsync(json), FunctionsZone.Core.Json.Indented)
                ?? throw new InvalidOperationException("fz bench wrote null");
        }
        finally { File.Delete(json); }
    }

    [Fact]
    public async Task Generated_data_runs_through_fz_run()
    {
        var storage = new TestStorage();
        var dir = Directory.CreateTempSubdirectory("fz-gen-run-").FullName;
        try
        {
            var (genExit, genOut) = await storage.FzAsync("generate", "--zones", "40", "--indicators", "12", "--months", "3", "--seed", "5", "--out", dir, "--json");
            Assert.True(genExit == 0, genOut);
            var (exit, output) = await storage.FzAsync("run", "--seeds", dir, "--json");
            Assert.True(exit == 0, output);
            using var doc = System.Text.Json.JsonDocument.Parse(output);
            var imports = doc.RootElement.GetProperty("imports").EnumerateArray().ToList();
            var observations = imports.Where(i => i.GetProperty("kind").GetString() == "observations").ToList();
            Assert.Equal(3, observations.Count);
            var imported = observations.Sum(i => i.GetProperty("counts").GetProperty("imported").GetInt32());
            var ignored = observations.Sum(i => i.GetProperty("counts").GetProperty("ignored").GetInt32());
            Assert.Equal(40 * 12 * 3, imported + ignored);
            Assert.Equal(3, doc.RootElement.GetProperty("recomputed").GetArrayLength());
            Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("snapshot").GetProperty("version").GetString()));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
