using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Ports;

/// <summary>
/// A period whose stored figures changed since the last successful publish (or, with Period null, a registry,
/// target or rule change that makes every period stale), with the version of the mark as it was read.
/// </summary>
public sealed record DirtyMark(Period? Period, string Version)
{
    public bool Everything => Period is null;
}
