using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Rankings;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Evaluation;

/// <summary>The peer zones and their raw values on a scheme's columns (NaN = missing): what every evaluation method reads.</summary>
public sealed record CompositeInput(Scheme Scheme, CompositeModel Model, IReadOnlyList<string> Zones, IReadOnlyList<string> Names,
    double[][] Values, string Period, string GroupName = "", IReadOnlyDictionary<string, string>? Units = null)
{
    /// <summary>The stored version of the scheme (fzSchemes) and its file's SHA-256, carried into the result.</summary>
    public int? SchemeVersion { get; init; }
    public string? SchemeSha256 { get; init; }
    /// <summary>Per column key, the range an import accepts (ValidationRules.BoundsOf); what-if stays within it. Null: unbounded.</summary>
    public IReadOnlyDictionary<string, Ingest.Validation.ValueBound>? Bounds { get; init; }

    /// <summary>The bound of column c (growth columns by the rules on 同比, levels by those on the value).</summary>
    public Ingest.Validation.ValueBound BoundOf(int c) => Bounds?.GetValueOrDefault(Model.Columns[c].Key) ?? Ingest.Validation.ValueBound.None;

    /// <summary>The validation rules' bounds for each column of the model, by the registry's indicators.</summary>
    public static IReadOnlyDictionary<string, Ingest.Validation.ValueBound> BoundsFrom(CompositeModel model, ZoneRegistry registry, Ingest.Validation.ValidationRules rules) =>
        model.Columns.Where(c => registry.FindIndicator(c.Indicator) is not null).ToDictionary(c => c.Key,
            c => rules.BoundsOf(registry.FindIndicator(c.Indicator)!, c.Key.EndsWith(":growth", StringComparison.Ordinal) ? "yoy" : "value"));

    /// <summary>
    /// From stored observations: the group's members (every zone, when the scheme names no group) with enough data.
    /// Growth columns read the reported YoY, else growth computed from last year (RankingCalculator.ValueOf), so rankings
    /// and composites agree.
    /// </summary>
    public static CompositeInput FromObservations(Scheme scheme, ZoneRegistry registry, ObservationSet observations, Period period)
    {
        var group = scheme.Group is null ? null : registry.FindGroup(scheme.Group) ?? throw new InvalidDataException(
            $"方案「{scheme.NameZh}」的比较组 '{scheme.Group}' 不存在 / Scheme '{scheme.Id}': unknown group '{scheme.Group}'");
        foreach (var (_, i) in scheme.AllIndicators)
        {
            if (registry.FindIndicator(i.Indicator) is null)
                throw new InvalidDataException($"方案「{scheme.NameZh}」的指标 '{i.Indicator}' 不在 indicators.json 中 / Scheme '{scheme.Id}': indicator '{i.Indicator}' is not in indicators.json");
        }
        var model = CompositeModel.From(scheme, code => registry.FindIndicator(code)?.Direction == Direction.Higher, code => registry.FindIndicator(code)?.NameZh);
        var calc = new RankingCalculator(registry, observations);
        var zones = new List<string>();
        var names = new List<string>();
        var rows = new List<double[]>();
        foreach (var zone in group is null ? registry.Zones : registry.Members(group))
        {
            var row = model.Columns.Select(c =>
            {
                var v = calc.ValueOf(zone.Id, registry.Indicator(c.Indicator), period, MeasureOf(scheme, c.Key));
                return v is null ? double.NaN : (double)v.Value;
            }).ToArray();
            if (!IsCovered(row, model.Columns.Select(c => c.Weight).ToList(), scheme.MinCoverage)) continue;
            zones.Add(zone.Id);
            names.Add(zone.NameZh);
            rows.Add(row);
        }
        var units = model.Columns.ToDictionary(c => c.Key, c => MeasureOf(scheme, c.Key) == Measure.Growth ? "%" : registry.Indicator(c.Indicator).Unit);
        return new CompositeInput(scheme, model, zones, names, rows.ToArray(), period.ToString(), group?.NameZh ?? "全部开发区", units)
        {
            Bounds = BoundsFrom(model, registry, Ingest.Validation.ValidationRules.Default),
        };
    }

    /// <summary>From a stored result (snapshot): the same scheme, directions and raw values.</summary>
    public static CompositeInput FromResult(CompositeResult result)
    {
        var directions = result.Indicators.GroupBy(i => i.Indicator).ToDictionary(g => g.Key, g => g.First().Direction == "higher");
        var model = CompositeModel.From(result.Definition, code => directions.TryGetValue(code, out var h) ? h : null);
        var names = result.Indicators.ToDictionary(i => i.Key, i => i.Name);
        model = model with { Columns = model.Columns.Select(c => c with { NameZh = names.GetValueOrDefault(c.Key, c.NameZh) }).ToList() };
        var values = result.Zones.Select(z =>
        {
            var byKey = z.Indicators.ToDictionary(i => i.Indicator, i => i.Value);
            return model.Columns.Select(c => byKey.TryGetValue(c.Key, out var v) && v is { } d ? d : double.NaN).ToArray();
        }).ToArray();
        return new CompositeInput(result.Definition, model, result.Zones.Select(z => z.Zone).ToList(), result.Zones.Select(z => z.Name).ToList(),
            values, result.Period, result.GroupName, result.Indicators.ToDictionary(i => i.Key, i => i.Unit))
        {
            SchemeVersion = result.SchemeVersion, SchemeSha256 = result.SchemeSha256,
        };
    }

    /// <summary>
    /// A zone is scored when the columns it has carry at least minCoverage of the total weight (COINr's dat_thresh,
    /// with weights; equal weights make it the share of indicators present). A zone with no value at all never is.
    /// </summary>
    public static bool IsCovered(IReadOnlyList<double> row, IReadOnlyList<double> weights, double minCoverage)
    {
        double covered = 0, total = 0;
        var any = false;
        for (var i = 0; i < row.Count; i++)
        {
            total += weights[i];
            if (double.IsNaN(row[i])) continue;
            covered += weights[i];
            any = true;
        }
        return any && covered >= minCoverage * total - 1e-12;
    }

    public int IndexOfZone(string zone) => Zones.ToList().FindIndex(z => string.Equals(z, zone, StringComparison.OrdinalIgnoreCase));

    /// <summary>A column by its key (fdi_utilised:growth), its indicator code, or its display name.</summary>
    public int IndexOfColumn(string keyOrName)
    {
        var cols = Model.Columns;
        for (var pass = 0; pass < 3; pass++)
        for (var c = 0; c < cols.Count; c++)
        {
            var hit = pass switch
            {
                0 => string.Equals(cols[c].Key, keyOrName, StringComparison.OrdinalIgnoreCase),
                1 => string.Equals(cols[c].Indicator, keyOrName, StringComparison.OrdinalIgnoreCase),
                _ => cols[c].NameZh == keyOrName.Trim(),
            };
            if (hit) return c;
        }
        return -1;
    }

    public CompositeScores Evaluate(double[][]? values = null) =>
        CompositeEngine.Compute(Model, values ?? Values, Scheme.Normalisation, Scheme.Aggregation, Scheme.Missing);

    private static Measure MeasureOf(Scheme scheme, string key) => key.EndsWith(":growth", StringComparison.Ordinal) ? Measure.Growth : Measure.Level;
}
