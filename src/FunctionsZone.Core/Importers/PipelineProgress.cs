namespace FunctionsZone.Core.Importers;

/// <summary>One progress line in both languages; a host shows the reader's (fz --lang), a log both.</summary>
public sealed record ProgressLine(string Zh, string En)
{
    public string In(bool english) => english ? En : Zh;
    public override string ToString() => $"{Zh} / {En}";
}

/// <summary>Progress lines for long work ("ingest observations.csv: 329 rows"), one channel for every stage of a pipeline.</summary>
public sealed class PipelineProgress
{
    public event Action<ProgressLine>? Line;

    public void Report(string zh, string en) => Line?.Invoke(new ProgressLine(zh, en));
}
