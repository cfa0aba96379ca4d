using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ports;

/// <summary>Import summaries, kept so every import can be looked up later (a PENDING one first, before any value is written).</summary>
public interface IImportLog
{
    Task SaveAsync(ImportSummary summary, CancellationToken ct = default);
}
