namespace FunctionsZone.Core.Domain;

/// <summary>Observations indexed by zone, indicator and period for the lookups rankings and targets make.</summary>
public sealed class ObservationSet
{
    private readonly Dictionary<ObservationKey, Observation> _byKey = new();

    public ObservationSet(IEnumerable<Observation> observations)
    {
        foreach (var o in observations) _byKey[o.Key] = o;
    }

    public IEnumerable<Observation> All => _byKey.Values;
    public int Count => _byKey.Count;

    public Observation? Get(string zone, string indicator, Period period) =>
        _byKey.GetValueOrDefault(new ObservationKey(zone, indicator, period));

    public IEnumerable<Period> Periods => _byKey.Keys.Select(k => k.Period).Distinct().Order();

    public void Add(Observation o) => _byKey[o.Key] = o;
}
