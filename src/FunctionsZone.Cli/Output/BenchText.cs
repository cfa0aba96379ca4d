using System.Globalization;
using FunctionsZone.Bench;

namespace FunctionsZone.Cli.Output;

/// <summary>fz bench's text: a bench report (FunctionsZone.Bench) as tables; the JSON is the report itself.</summary>
public static class BenchText
{
    public static string ToText(this BenchReport r)
    {
        var w = new StringWriter();
        w.WriteLine($"== fz bench --size {r.Size}: {r.Zones} 开发区 zones × {r.Indicators} 指标 indicators × {r.Months} 月 months, {r.Agreement.Values:N0} values ==");
        w.WriteLine($"machine: {r.Machine.Processors} cores, {r.Machine.MemoryGiB:0.#} GiB, {r.Machine.Os}, .NET {r.Machine.Dotnet}, {r.Machine.StorageServer} ({r.Machine.Storage}); " +
                    $"WriteParallelism {r.WriteParallelism}, ceiling parallelism {r.CeilingParallelism}" +
                    (r.Machine.GcHeapLimitMiB is { } limit ? $"; GC heap limit {limit:0} MiB" : ""));
        Stages(w, r);
        Transactions(w, r);
        Queries(w, r);
        Summary(w, r);
        GoalsAndAgreement(w, r);
        return w.ToString();
    }

    /// <summary>Each stage's time, items, storage and in-memory time, peak.</summary>
    private static void Stages(StringWriter w, BenchReport r)
    {
        var t = new TextTable("阶段 stage", "秒 s", "项 items", "项/秒 items/s", "存储 storage s", "内存 in-memory s", "峰值 peak MiB", "说明 note");
        foreach (var s in r.Stages)
            t.Add(s.Name, s.Measured ? F(s.Seconds, "0.000") : "not measured", s.Measured ? s.Items.ToString("N0", CultureInfo.InvariantCulture) : null,
                s.PerSecond is { } ps ? ps.ToString("N0", CultureInfo.InvariantCulture) : null, s.StorageSeconds is { } ss ? F(ss, "0.000") : null,
                s.InMemorySeconds is { } m ? F(m, "0.000") : null, s.PeakWorkingSetMiB is { } pk ? F(pk, "0") : null, s.Note);
        w.Write(t);
        w.WriteLine();
    }

    /// <summary>Each stage's storage requests by kind and CPU; an import's reads.</summary>
    private static void Transactions(StringWriter w, BenchReport r)
    {
        var tx = new TextTable("阶段 stage", "批 batches", "查询页 query pages", "点读 point reads", "单写 entity writes", "blob 写 puts", "blob 读 gets", "列举 lists", "其他 other", "合计 total",
            "CPU fz s", "CPU 存储 storage s");
        foreach (var s in r.Stages.Where(s => s.Transactions is not null))
        {
            var c = s.Transactions!;
            tx.Add(s.Name, N(c.TableBatches), N(c.TableQueries), N(c.PointReads), N(c.TableWrites), N(c.BlobPuts), N(c.BlobGets), N(c.BlobLists), N(c.Other), N(c.Total),
                s.Cpu is { } u ? F(u.Self, "0.0") : null, s.Cpu?.Storage is { } st ? F(st, "0.0") : "—");
        }
        w.Write(tx);
        if (r.ImportReads.Count > 0)
            w.WriteLine($"reads per import: first {r.ImportReads[0].File} {r.ImportReads[0].ReadTransactions:N0} requests for {r.ImportReads[0].Values:N0} values, " +
                        $"last {r.ImportReads[^1].File} {r.ImportReads[^1].ReadTransactions:N0} for {r.ImportReads[^1].Values:N0}; storageReadsPerImportedValue {r.StorageReadsPerImportedValue:0.####}");
        w.WriteLine();
    }

    /// <summary>Each read's latency percentiles.</summary>
    private static void Queries(StringWriter w, BenchReport r)
    {
        var q = new TextTable("查询 query", "次数 n", "p50 ms", "p95 ms", "p99 ms", "说明 note");
        foreach (var x in r.Queries)
            q.Add(x.Name, x.Measured ? x.Iterations : "not measured", x.P50Ms is { } p50 ? F(p50, "0.00") : null, x.P95Ms is { } b ? F(b, "0.00") : null, x.P99Ms is { } c ? F(c, "0.00") : null, x.Note);
        w.Write(q);
        w.WriteLine();
    }

    /// <summary>Memory, the ratios, the composites.</summary>
    private static void Summary(StringWriter w, BenchReport r)
    {
        w.WriteLine($"memory: peak working set {r.Memory.PeakWorkingSetMiB:0} MiB (whole bench), pipeline stages {r.Memory.PipelinePeakWorkingSetMiB:0} MiB " +
                    $"(managed heap {r.Memory.PipelinePeakManagedHeapMiB:0} MiB" +
                    (r.Memory.PipelineGcHeapLimitMiB is { } heapLimit ? $", GC heap limit {heapLimit:0} MiB" : "") + $"), allocated {r.Memory.TotalAllocatedMiB:0} MiB");
        w.WriteLine($"ratios: ingestVsCeiling {r.Ratios.IngestVsCeiling:0.###}, ingestVsNaive {r.Ratios.IngestVsNaive:0.##}, endToEndVsCeiling {r.Ratios.EndToEndVsCeiling:0.##}, " +
                    $"recomputeVsCeilingRead {r.Ratios.RecomputeVsCeilingRead:0.##} (in-memory part {r.Ratios.RecomputeInMemoryVsCeilingRead:0.##}), " +
                    $"queryP99VsPointRead {(r.Ratios.QueryP99VsPointRead is { } qp ? qp.ToString("0.##", CultureInfo.InvariantCulture) : "—")}, " +
                    $"httpP99VsPointRead {(r.Ratios.HttpP99VsPointRead is { } hp ? hp.ToString("0.##", CultureInfo.InvariantCulture) : "—")}, " +
                    $"compositeVsCeilingRead {(r.Ratios.CompositeVsCeilingRead is { } cp ? cp.ToString("0.###", CultureInfo.InvariantCulture) : "—")}, " +
                    $"ingestStorageCpuVsCeiling {(r.Ratios.IngestStorageCpuVsCeiling is { } ic ? ic.ToString("0.###", CultureInfo.InvariantCulture) : "—")}, " +
                    $"endToEndStorageCpuVsCeiling {(r.Ratios.EndToEndStorageCpuVsCeiling is { } ec ? ec.ToString("0.##", CultureInfo.InvariantCulture) : "—")}");
        if (r.Composites is { } cs)
            w.WriteLine($"composites: {cs.Results} evaluations ({cs.FromRecompute} in recompute), {cs.Draws:N0} draws each" +
                        (cs.Schemes.Count > 0 ? $"; {string.Join(", ", cs.Schemes)}" : "") + (cs.Skipped.Count > 0 ? $"; not applicable: {string.Join("; ", cs.Skipped)}" : ""));
        w.WriteLine();
    }

    /// <summary>The goals met or not, and whether what was written was read back.</summary>
    private static void GoalsAndAgreement(StringWriter w, BenchReport r)
    {
        var g = new TextTable("目标 goal", "达到 met", "说明 detail");
        foreach (var x in r.Goals) g.Add(x.Goal, x.Met switch { true => "yes", false => "NO", null => "n/a" }, x.Detail);
        w.Write(g);
        var a = r.Agreement;
        w.WriteLine();
        w.WriteLine($"agreement: {(a.Agrees ? "OK" : "MISMATCH")} — values {a.Values:N0}, ceiling wrote {a.CeilingWritten:N0} read {a.CeilingRead:N0}; " +
                    $"ingest imported {a.Imported:N0} updated {a.Updated:N0} unchanged {a.Unchanged:N0}, stored {a.StoredAfterIngest:N0}; " +
                    $"{a.Periods} periods, {a.Rankings:N0} rankings, {a.Targets:N0} target rows, {a.SnapshotFiles} snapshot files, {a.Composites} composites");
    }

    private static string N(long v) => v.ToString("N0", CultureInfo.InvariantCulture);
    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
