using FunctionsZone.Core.Domain;

namespace FunctionsZone.Bench.Generation;

/// <summary>What `fz generate` makes: N zones × K indicators × M months from a start month, for a seed.</summary>
public sealed record GeneratorOptions
{
    public int Zones { get; init; } = 300;
    public int Indicators { get; init; } = 60;
    public int Months { get; init; } = 12;
    public int Seed { get; init; } = 1;
    public Period Start { get; init; } = Period.OfMonth(2022, 1);
    /// <summary>Share of rows written with a missing value ("—"), as statistical tables have them.</summary>
    public double MissingRate { get; init; } = 0.003;
    /// <summary>Share of amounts multiplied 20–50× (a unit slip or a one-off project).</summary>
    public double OutlierRate { get; init; } = 0.001;

    public void Validate()
    {
        if (Zones < 1) throw new ArgumentException("--zones 至少为 1 / --zones must be at least 1");
        if (Indicators < 1) throw new ArgumentException("--indicators 至少为 1 / --indicators must be at least 1");
        if (Months < 1 || Months > 120) throw new ArgumentException("--months 应在 1 到 120 之间 / --months must be between 1 and 120");
        if (!Start.IsMonth) throw new ArgumentException("--start 应为月份，如 2022-01 / --start must be a month such as 2022-01");
    }
}
