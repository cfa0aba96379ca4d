using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Core.Importers;

/// <summary>How an import treats errors: all-or-nothing by default; --allow-partial takes the valid rows.</summary>
public sealed record IngestOptions
{
    public bool DryRun { get; init; }
    public bool AllowPartial { get; init; }
    public long MaxFileBytes { get; init; } = 20 * 1024 * 1024;
    public int MaxRows { get; init; } = 200_000;
    /// <summary>What a reader may inflate, lay out and hold in one cell (XLSX bombs, 50 MB cells).</summary>
    public ParseLimits Limits { get; init; } = new();
}
