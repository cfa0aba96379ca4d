using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Evaluation;

/// <summary>
/// What recompute adds for a period: every scheme that has at least two scored zones in the period, evaluated
/// with its Monte Carlo intervals and the official ranks, and each zone's share of its city's own figure.
/// </summary>
public static class EvaluationStep
{
    public static IReadOnlyList<CompositeResult> Composites(ZoneRegistry registry, ObservationSet observations, Period period,
        IReadOnlyList<OfficialRank> official, SchemeCatalog catalog, Action<string, string>? progress = null)
    {
        var results = new List<CompositeResult>();
        foreach (var (scheme, version, sha, _, _, _) in catalog.Stored)
        {
            CompositeInput input;
            try
            {
                input = CompositeInput.FromObservations(scheme, registry, observations, period) with
                {
                    SchemeVersion = version > 0 ? version : null, SchemeSha256 = sha.Length > 0 ? sha : null,
                };
            }
            catch (InvalidDataException e)
            {
                // A scheme that names an indicator or group the registry lacks is skipped, not fatal to the month.
                // The message is "中文 / English", as every finding's: each language gets its half.
                var (zh, en) = e.Message.Split(" / ", 2) is [var z, var n] ? (z, n) : (e.Message, e.Message);
                progress?.Invoke($"评价方案 {scheme.Id} 跳过：{zh}", $"scheme {scheme.Id} skipped: {en}");
                continue;
            }
            if (input.Zones.Count < 2) continue;
            results.Add(CompositeEvaluator.Evaluate(input, official));
        }
        return results;
    }
}
