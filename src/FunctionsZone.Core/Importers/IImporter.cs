using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Importers;

/// <summary>What an import of a kind can change in the results, and so which periods it marks dirty.</summary>
public enum ImportReach
{
    /// <summary>Nothing any period computes reads it.</summary>
    Nothing,
    /// <summary>The periods of the figures it writes (observations).</summary>
    Periods,
    /// <summary>What every period computes (registry, targets, ranks, rules): every period is marked.</summary>
    Everything,
}

/// <summary>
/// One input kind's import: reads the file, checks it, writes it through the stores. One class a kind; the set and
/// the order a run imports them in is <see cref="ImporterSet"/>. Adding an input kind is a new importer listed there.
/// </summary>
public interface IImporter
{
    InputKind Kind { get; }
    /// <summary>Position in a run: the registry first, then what is checked against it, then observations.</summary>
    int RunOrder { get; }
    ImportReach Reach { get; }
    Task<ImportOutcome> ImportAsync(ImportContext context, CancellationToken ct);
}

/// <summary>What an import did: its counts and the periods whose figures it changed.</summary>
public sealed record ImportOutcome(ImportCounts Counts, IReadOnlyList<string> Periods)
{
    public static ImportOutcome Of(ImportCounts counts) => new(counts, []);
}
