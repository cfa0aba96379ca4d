using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Evaluation;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Targets;
using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Core.Results;

/// <summary>Everything recompute derives for one period: rankings, 亩均 values and target progress.</summary>
public sealed record PeriodResults
{
    public required string Period { get; init; }
    public required IReadOnlyList<Ranking> Rankings { get; init; }
    public required IReadOnlyList<Observation> Derived { get; init; }
    public required IReadOnlyList<TargetProgress> Targets { get; init; }
    /// <summary>The period's stored observations, as they stood when recomputed.</summary>
    public required IReadOnlyList<Observation> Observations { get; init; }
    /// <summary>Composite evaluations (国评/省评/市对区 schemes) with at least two scored zones in the period.</summary>
    public IReadOnlyList<CompositeResult> Composites { get; init; } = [];
    /// <summary>亩均效益 scores and classes A/B/C/D of every group with per-mu figures, by both methods (Evaluation/PerMuStep).</summary>
    public IReadOnlyList<PerMuGroupResult> PerMu { get; init; } = [];
    /// <summary>Each zone's share of its city's own figure (Evaluation/Benchmark).</summary>
    public IReadOnlyList<CityShare> CityShares { get; init; } = [];
}
