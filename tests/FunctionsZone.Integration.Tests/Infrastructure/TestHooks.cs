using System.Collections.Concurrent;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Integration.Tests.Infrastructure;

/// <summary>
/// A test's IPipelineHook: pause a run at a named point until released, or act (stop storage) the n-th time a point
/// is reached. Each pipeline under test gets its own, so only it is paused.
/// </summary>
public sealed class TestHook : IPipelineHook
{
    private readonly ConcurrentDictionary<string, int> _seen = new();
    private readonly ConcurrentDictionary<string, (int Nth, Func<Task> Act)> _actions = new();

    /// <summary>Reached the first time the point is met; the run waits there until Release.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TestHook PauseAt(string point)
    {
        var h = new TestHook();
        h._actions[point] = (1, async () => { h.Reached.TrySetResult(); await h._release.Task; });
        return h;
    }

    public static TestHook At(string point, int nth, Func<Task> act)
    {
        var h = new TestHook();
        h._actions[point] = (nth, act);
        return h;
    }

    public void Release() => _release.TrySetResult();

    public int Count(string point) => _seen.GetValueOrDefault(point);

    public async Task AtAsync(string point, CancellationToken ct = default)
    {
        var n = _seen.AddOrUpdate(point, 1, (_, v) => v + 1);
        if (_actions.TryGetValue(point, out var a) && a.Nth == n) await a.Act();
    }
}
