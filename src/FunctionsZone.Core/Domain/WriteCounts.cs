using FunctionsZone.Core.Ports;

namespace FunctionsZone.Core.Domain;

/// <summary>What a write did: rows new, rows whose value changed, rows sent again unchanged.</summary>
public sealed record WriteCounts(int Imported, int Updated, int Unchanged);
