using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Pipeline;

namespace FunctionsZone.Core.History;

/// <summary>fz history and GET /api/history: a figure's current stored value and every change to it, newest first.</summary>
public sealed class HistoryQuery(IHistoryStore history, IObservationStore observations, IReferenceStore references)
{
    /// <summary>Zone and indicator by id or 中文名; throws LookupException / FormatException for unknown ones.</summary>
    public async Task<ValueHistory> GetAsync(string zone, string indicator, string period, CancellationToken ct = default)
    {
        var registry = await references.LoadRegistryAsync(ct);
        var z = registry.Zone(zone);
        var i = registry.Indicator(indicator);
        var p = Period.Parse(period);
        var current = (await observations.ReadPeriodsAsync([p], ct)).FirstOrDefault(o => o.Zone == z.Id && o.Indicator == i.Code);
        var changes = await history.ReadAsync(z.Id, i.Code, p, ct);
        return new ValueHistory(z.Id, i.Code, p.ToString(), current, changes);
    }
}
