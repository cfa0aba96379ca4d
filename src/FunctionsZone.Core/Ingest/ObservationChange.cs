using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;
using FunctionsZone.Core.Ports;

namespace FunctionsZone.Core.Ingest;

public enum ChangeKind { New, Updated, Unchanged }

/// <summary>
/// What storing a figure over the stored one does — the one rule the import and its dry run both count by.
/// A row without a 同比 figure keeps the stored one (a file that leaves the column out corrects nothing); the
/// provenance of an identical figure does not make it a change.
/// </summary>
public static class ObservationChange
{
    /// <summary>The kind of change and the figure that would be stored.</summary>
    public static (ChangeKind Kind, Observation Stored) Of(Observation? stored, Observation incoming)
    {
        if (stored is null) return (ChangeKind.New, incoming);
        // A figure the row leaves blank (同比, 增减) keeps the stored one.
        var keeps = (incoming.Yoy is null && stored.Yoy is not null) || (incoming.ChangePoints is null && stored.ChangePoints is not null)
                    || (incoming.Change is null && stored.Change is not null);
        var merged = !keeps ? incoming : incoming with
        {
            Yoy = incoming.Yoy ?? stored.Yoy, ChangePoints = incoming.ChangePoints ?? stored.ChangePoints, Change = incoming.Change ?? stored.Change,
        };
        var same = stored.Value == merged.Value && stored.Yoy == merged.Yoy && stored.ChangePoints == merged.ChangePoints && stored.Change == merged.Change;
        return same ? (ChangeKind.Unchanged, merged) : (ChangeKind.Updated, merged);
    }

    /// <summary>Counts of a file against what is stored, as the write would report them.</summary>
    public static WriteCounts Count(IEnumerable<Observation> incoming, IEnumerable<Observation> stored)
    {
        var current = new Dictionary<ObservationKey, Observation>();
        foreach (var o in stored) current[o.Key] = o;
        int imported = 0, updated = 0, unchanged = 0;
        foreach (var o in incoming)
        {
            switch (Of(current.GetValueOrDefault(o.Key), o).Kind)
            {
                case ChangeKind.New: imported++; break;
                case ChangeKind.Updated: updated++; break;
                default: unchanged++; break;
            }
        }
        return new WriteCounts(imported, updated, unchanged);
    }
}
