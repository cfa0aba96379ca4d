namespace FunctionsZone.Core.Ports;

/// <summary>
/// Named points of a run where a fault-injection test may pause it, stop storage or fail it. Production registers
/// PipelineHook.None; the points are listed in PipelineHook and docs/reliability.md.
/// </summary>
public interface IPipelineHook
{
    Task AtAsync(string point, CancellationToken ct = default);
}
