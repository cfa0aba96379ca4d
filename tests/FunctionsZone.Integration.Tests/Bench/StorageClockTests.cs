using System.Diagnostics;
using FunctionsZone.Bench;
using Xunit;

namespace FunctionsZone.Integration.Tests.Bench;

/// <summary>The bench's storage clock counts time with a call in flight once, however many calls overlap.</summary>
public sealed class StorageClockTests
{
    [Fact]
    public async Task Overlapping_calls_count_once_and_never_more_than_the_wall_clock_around_them()
    {
        var clock = new StorageClock();
        var release = new TaskCompletionSource();
        var inside = new List<Stopwatch>();
        async Task<int> Call()
        {
            var own = Stopwatch.StartNew();
            lock (inside) inside.Add(own);
            await release.Task;
            own.Stop();
            return 1;
        }
        var around = Stopwatch.StartNew();
        var calls = Enumerable.Range(0, 8).Select(_ => clock.Time(Call)).ToList();
        await Task.Delay(100);
        release.SetResult();
        await Task.WhenAll(calls);
        around.Stop();

        // Summed, eight calls of ~100 ms each would make ~800 ms; the union is at most the time around them all,
        // and at least the longest call as that call measured itself.
        Assert.True(clock.Elapsed <= around.Elapsed, $"{clock.Elapsed} > {around.Elapsed}");
        Assert.True(clock.Elapsed >= inside.Max(s => s.Elapsed), $"{clock.Elapsed} < {inside.Max(s => s.Elapsed)}");

        clock.Reset();
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
        await clock.Time(() => Task.CompletedTask);
        Assert.True(clock.Elapsed < around.Elapsed);
    }
}
