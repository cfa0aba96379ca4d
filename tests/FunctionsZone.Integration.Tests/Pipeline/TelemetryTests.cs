using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Telemetry;
using FunctionsZone.Integration.Tests.Infrastructure;
using FunctionsZone.Core.Importers;

namespace FunctionsZone.Integration.Tests.Pipeline;

public sealed class TelemetryTests
{
    [Fact]
    public async Task An_import_is_one_trace_with_its_id_and_counts_and_the_rows_are_metrics()
    {
        var storage = new TestStorage();
        await storage.RunSeedsAsync();
        var name = $"telemetry-{Guid.NewGuid():N}.csv";
        var activities = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PipelineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => activities.Add(a),
        };
        ActivitySource.AddActivityListener(listener);
        var rows = new ConcurrentBag<(long Value, string Outcome)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (i, l) => { if (i.Meter.Name == PipelineTelemetry.Name && i.Name == "fz.import.rows") l.EnableMeasurementEvents(i); };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var t in tags) if (t.Key == "outcome") rows.Add((value, (string)t.Value!));
        });
        meters.Start();

        var summary = await storage.Pipeline().IngestAsync(new InputFile(name, "zone,indicator,period,value\nlc-etdz,retail_sales,2022-05,33.5\nlc-etdz,fdi_utilised,2022-05,2474\n"u8.ToArray()), new IngestOptions());

        var trace = Assert.Single(activities, a => a.OperationName == "fz.import" && (string?)a.GetTagItem("fz.file") == name);
        Assert.Equal(summary.ImportId, trace.GetTagItem("fz.import.id"));
        Assert.Equal(1, trace.GetTagItem("fz.import.updated"));
        Assert.Equal(1, trace.GetTagItem("fz.import.unchanged"));
        Assert.Equal("SUCCESS", trace.GetTagItem("fz.import.status"));
        // Ids, names and counts only: no figure from the file is in the trace.
        Assert.DoesNotContain(trace.TagObjects, t => t.Value?.ToString()?.Contains("33.5") == true);
        Assert.Contains(rows, r => r.Outcome == "updated" && r.Value == 1);

        await storage.Pipeline().RecomputeAsync(Core.Domain.Period.Parse("2022-05"));
        Assert.Contains(activities, a => a.OperationName == "fz.recompute" && (string?)a.GetTagItem("fz.period") == "2022-05");
    }
}
