namespace FunctionsZone.Core.Ports;

/// <summary>
/// One import at a time (a blob lease of its own in production): held from an import's validation to the end of its
/// write, so two imports never validate against figures the other is about to change.
/// </summary>
public interface IImportLease : IPipelineLease;
