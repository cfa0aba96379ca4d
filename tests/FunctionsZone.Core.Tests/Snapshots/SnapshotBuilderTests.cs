using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Snapshots;
using Xunit;
using FunctionsZone.Core.Ports;
using FunctionsZone.Core.Results;
using FunctionsZone.Core.Publishing;
using FunctionsZone.Rendering;
using FunctionsZone.Core.Briefing;

namespace FunctionsZone.Core.Tests.Snapshots;

public sealed class SnapshotBuilderTests
{
    [Fact]
    public async Task The_next_periods_results_load_while_the_one_before_is_laid_out_and_never_two_at_once()
    {
        var periods = new[] { "2024-01", "2024-02", "2024-03" }.Select(Period.Parse).ToList();
        var events = new List<string>();
        int inFlight = 0, mostInFlight = 0;
        async Task<PeriodResults> Results(Period p, CancellationToken ct)
        {
            lock (events) { events.Add($"ask {p}"); mostInFlight = Math.Max(mostInFlight, ++inFlight); }
            await Task.Delay(30, ct); // as a load from storage takes a while
            lock (events) inFlight--;
            return new PeriodResults
            {
                Period = p.ToString(), Rankings = [], Derived = [], Targets = [],
                Observations = [TestRegistry.Obs("a", "revenue", p.ToString(), 1m), TestRegistry.Obs("b", "revenue", p.ToString(), 2m)],
            };
        }

        var version = await SnapshotBuilder.BuildAsync(new SnapshotInputs
        {
            Registry = TestRegistry.Create(), OfficialRanks = [], Now = new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.Zero),
            Periods = periods, Results = Results,
            Briefings = new BriefingPublisher(new BriefingOptions(), new BriefingRenderer()),
        }, new RecordingDraft(events));

        Assert.NotNull(version);
        Assert.Equal(["ask 2024-01", "ask 2024-02", "ask 2024-03"], events.Where(e => e.StartsWith("ask ", StringComparison.Ordinal)));
        Assert.Equal(1, mostInFlight);
        // February is asked for before January's zone pages (not their briefings, rendered at the end) are all handed to
        // the draft: the load overlaps the layout.
        var lastJanuaryFile = events.FindLastIndex(e => e.StartsWith("put periods/2024-01/zones/", StringComparison.Ordinal) && e.EndsWith(".json", StringComparison.Ordinal));
        Assert.True(events.IndexOf("ask 2024-02") < lastJanuaryFile, string.Join(" | ", events));
        Assert.All(periods, p => Assert.Contains(version!.Manifest.Files, f => f.Path == $"periods/{p}/observations.json"));
    }

    private sealed class RecordingDraft(List<string> events) : ISnapshotDraft
    {
        private readonly Dictionary<string, byte[]> _objects = new(StringComparer.Ordinal);

        public Task PutAsync(EncodedFile file, CancellationToken ct = default)
        {
            lock (events) events.Add($"put {file.Entry.Path}");
            _objects.TryAdd(file.Object, file.Gzipped);
            return Task.CompletedTask;
        }

        public Task<byte[]?> ReadObjectAsync(string objectName, CancellationToken ct = default) =>
            Task.FromResult(_objects.TryGetValue(objectName, out var g) ? SnapshotEncoding.Gunzip(g) : null);

        public Task CommitAsync(SnapshotManifest manifest, CancellationToken ct = default) => Task.CompletedTask;
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
