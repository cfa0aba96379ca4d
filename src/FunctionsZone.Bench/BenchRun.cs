using Microsoft.Extensions.Configuration;

namespace FunctionsZone.Bench;

/// <summary>
/// What every step of one run shares: the runner's settings, the run's prefix and services (its own tables and
/// containers), its input, the CPU meter each stage reads, and the progress line.
/// </summary>
public sealed record BenchRun(BenchRunner Settings, BenchSize Size, IConfiguration Configuration, string Id, BenchServices Services,
    BenchInput Input, CpuMeter Cpu, Action<string>? Progress)
{
    public void Say(string line) => Progress?.Invoke(line);

    /// <summary>A stage's mark on the run's services: its time, storage time, requests and CPU from now (StageMark).</summary>
    public StageMark Mark() => StageMark.Start(Services, Cpu);
}
