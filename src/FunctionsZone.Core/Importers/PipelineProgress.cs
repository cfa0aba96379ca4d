using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Core.Importers;

/// <summary>Progress lines for long work ("ingest observations.csv: 329 rows"), one channel for every stage of a pipeline.</summary>
public sealed class PipelineProgress
{
    public event Action<string>? Line;

    public void Report(string line) => Line?.Invoke(line);
}
