using System.Globalization;
using System.Text;
using System.Text.Json;
using FunctionsZone.Core;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest.Validation;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Bench.Generation;

/// <summary>What a generation wrote.</summary>
public sealed record GenerationSummary(
    int Zones, int Groups, int Indicators, int Months, int Seed, long ObservationRows, int MissingValues, int Outliers,
    int Targets, IReadOnlyList<string> Files, string Folder);

/// <summary>
/// Synthetic but realistic data in the canonical layout, ingestible by `fz run --seeds DIR`: zones spread over
/// provinces and cities (national-level ETDZs ≈ 8.5%, as 230 of ~2,700), grouped nationally, by province and
/// by city; amounts log-normal across zones; YTD flows (1-N月累计) that never fall within a year; growth rates
/// and shares (0–100) in plausible ranges; a few missing values and outliers; annual targets.
/// Deterministic: the same options give byte-identical files. Everything it writes is marked "generated".
/// </summary>
public sealed class DatasetGenerator(GeneratorOptions options)
{
    public const string Source = "generated";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The registry the options describe (zones, groups, indicators), drawn first from the seed.</summary>
    public ZoneRegistry Registry()
    {
        options.Validate();
        var rng = new SyntheticRandom(options.Seed);
        return BuildRegistry(rng, out _);
    }

    public GenerationSummary WriteTo(string folder)
    {
        options.Validate();
        Directory.CreateDirectory(folder);
        var rng = new SyntheticRandom(options.Seed);
        var registry = BuildRegistry(rng, out var scale);
        var files = new List<string>();
        void WriteJson(string name, object value)
        {
            File.WriteAllBytes(Path.Combine(folder, name), JsonSerializer.SerializeToUtf8Bytes(value, Json.Indented));
            files.Add(name);
        }
        WriteJson("zones.json", registry.Zones);
        WriteJson("groups.json", registry.Groups);
        WriteJson("indicators.json", registry.Indicators);

        var months = Enumerable.Range(0, options.Months).Select(i => AddMonths(options.Start, i)).ToList();
        var writers = MonthWriters(folder, months, files);
        var imported = registry.Indicators.Where(i => i.Derived is null).ToList();
        var targets = new StringBuilder("zone,indicator,year,kind,target,unit,source\n");
        var tally = new Tally();
        var years = months.Select(m => m.Year).Distinct().ToList();
        foreach (var zone in registry.Zones)
            WriteZone(rng, zone, scale[zone.Id], imported, months, years, writers, targets, tally);
        foreach (var w in writers.Values) w.Dispose();
        File.WriteAllText(Path.Combine(folder, "targets.csv"), targets.ToString(), new UTF8Encoding(false));
        files.Add("targets.csv");
        File.WriteAllText(Path.Combine(folder, "README.md"),
            $"# Generated data (合成数据)\n\nIllustrative only: `fz generate --zones {options.Zones} --indicators {options.Indicators} --months {options.Months} --seed {options.Seed} --start {options.Start}`.\n" +
            "Every figure is synthetic (source \"generated\"); none comes from a statistics bureau.\n");
        return new GenerationSummary(registry.Zones.Count, registry.Groups.Count, registry.Indicators.Count, options.Months, options.Seed,
            tally.Rows, tally.Missing, tally.Outliers, tally.Targets, files, Path.GetFullPath(folder));
    }

    /// <summary>What a generation has written so far.</summary>
    private sealed class Tally
    {
        public long Rows;
        public int Missing, Outliers, Targets;
    }

    /// <summary>One observations file a month, its header written.</summary>
    private static Dictionary<Period, StreamWriter> MonthWriters(string folder, List<Period> months, List<string> files)
    {
        var writers = new Dictionary<Period, StreamWriter>();
        foreach (var m in months)
        {
            var name = $"observations-{m}.csv";
            var w = new StreamWriter(Path.Combine(folder, name), false, new UTF8Encoding(false), 1 << 16);
            w.Write("zone,indicator,period,value,unit,yoy,source\n");
            writers[m] = w;
            files.Add(name);
        }
        return writers;
    }

    /// <summary>A zone's rows of every imported indicator, then its targets (the draws in this order: the bytes depend on it).</summary>
    private void WriteZone(SyntheticRandom rng, Zone zone, double zoneScale, List<Indicator> imported, List<Period> months, List<int> years,
        Dictionary<Period, StreamWriter> writers, StringBuilder targets, Tally tally)
    {
        var annualByIndicator = new Dictionary<string, Dictionary<int, double>>();
        var lastLevel = new Dictionary<string, double>();
        var seriesByIndicator = new Dictionary<string, (double? Value, double? Yoy)[]>();
        foreach (var ind in imported)
        {
            var series = Series(rng, ind, zoneScale, months, years, out var isOutlier, out var annual);
            if (isOutlier) tally.Outliers++;
            series = Consistent(ind, series, seriesByIndicator, months);
            seriesByIndicator[ind.Code] = series;
            annualByIndicator[ind.Code] = annual;
            WriteRows(rng, zone, ind, series, months, writers, lastLevel, tally);
        }
        tally.Targets += Targets(rng, zone, imported, years, annualByIndicator, lastLevel, targets);
    }

    /// <summary>A series kept consistent with the ones already drawn for its zone.</summary>
    private static (double? Value, double? Yoy)[] Consistent(Indicator ind, (double? Value, double? Yoy)[] series,
        Dictionary<string, (double? Value, double? Yoy)[]> seriesByIndicator, List<Period> months)
    {
        // A single month (当月) is part of its year-to-date sibling: derive it so part ≤ whole holds.
        if (ind.Kind == IndicatorKind.Month && ind.Code.EndsWith("_month", StringComparison.Ordinal)
            && seriesByIndicator.TryGetValue(ind.Code[..^"_month".Length], out var ytd))
            series = MonthFromYtd(ytd, series, months);
        // A part the validation rules (part ≤ whole, e.g. 技改投资 ≤ 固定资产投资) hold to stays within its whole,
        // else ingest rejects the whole file; the minimum of two rising YTD series still rises.
        foreach (var rule in ValidationRules.Default.PartWhole)
            if (rule.Part == ind.Code && seriesByIndicator.TryGetValue(rule.Whole, out var whole))
                series = CappedBy(series, whole);
        return series;
    }

    /// <summary>A series' rows, one a month; a few values left missing ("—").</summary>
    private void WriteRows(SyntheticRandom rng, Zone zone, Indicator ind, (double? Value, double? Yoy)[] series, List<Period> months,
        Dictionary<Period, StreamWriter> writers, Dictionary<string, double> lastLevel, Tally tally)
    {
        for (var k = 0; k < months.Count; k++)
        {
            var (value, yoy) = series[k];
            if (rng.Chance(options.MissingRate)) { value = null; yoy = null; tally.Missing++; }
            if (ind.Kind == IndicatorKind.Stock && value is { } lv) lastLevel[ind.Code] = lv;
            var w = writers[months[k]];
            w.Write(zone.Id); w.Write(','); w.Write(ind.Code); w.Write(','); w.Write(months[k].ToString()); w.Write(',');
            w.Write(value is { } v ? Format(v, ind) : "—"); w.Write(','); w.Write(ind.Unit); w.Write(',');
            if (yoy is { } y) w.Write(y.ToString("0.0", Inv));
            w.Write(",generated\n");
            tally.Rows++;
        }
    }

    /// <summary>当月 = 1-N月 − 1-(N−1)月; for the first month generated in a year without its predecessor, the YTD ÷ N.</summary>
    private static (double? Value, double? Yoy)[] MonthFromYtd((double? Value, double? Yoy)[] ytd, (double? Value, double? Yoy)[] own, List<Period> months)
    {
        var result = new (double?, double?)[months.Count];
        for (var k = 0; k < months.Count; k++)
        {
            var m = months[k].Month!.Value;
            double? value = ytd[k].Value is not { } now ? null
                : m == 1 ? now
                : k > 0 && months[k - 1].Year == months[k].Year && ytd[k - 1].Value is { } before ? now - before
                : now / m;
            result[k] = (value, own[k].Yoy);
        }
        return result;
    }

    public static Period AddMonths(Period start, int months)
    {
        var index = start.Year * 12 + (start.Month!.Value - 1) + months;
        return Period.OfMonth(index / 12, index % 12 + 1);
    }

    private ZoneRegistry BuildRegistry(SyntheticRandom rng, out Dictionary<string, double> scale)
    {
        var provinceOf = ProvinceOf(rng);
        var zones = Zones(rng, provinceOf, out scale);
        // A group of one ranks nobody: city groups exist only where a city has two zones or more.
        var members = zones.SelectMany(z => z.Groups).GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        zones = zones.Select(z => z with { Groups = z.Groups.Where(g => members[g] >= 2 || g == "national-etdz").ToList() }).ToList();
        return new ZoneRegistry(zones, Groups(zones, members), Indicators());
    }

    /// <summary>Each zone's province, drawn by the provinces' weights.</summary>
    private int[] ProvinceOf(SyntheticRandom rng)
    {
        var weights = SyntheticCatalogue.ProvinceWeights;
        var total = weights.Sum();
        var provinceOf = new int[options.Zones];
        for (var i = 0; i < options.Zones; i++)
        {
            var r = rng.Uniform() * total;
            var p = 0;
            while (p < weights.Count - 1 && (r -= weights[p]) > 0) p++;
            provinceOf[i] = p;
        }
        return provinceOf;
    }

    /// <summary>The zones, each in a city of its province, national-level or not; and each zone's size.</summary>
    private List<Zone> Zones(SyntheticRandom rng, int[] provinceOf, out Dictionary<string, double> scale)
    {
        // About nine zones to a prefecture-level city, as in a typical province.
        var zonesIn = new int[SyntheticCatalogue.Provinces.Count];
        foreach (var p in provinceOf) zonesIn[p]++;
        var citiesIn = zonesIn.Select(n => Math.Max(1, (int)Math.Round(n / 9.0))).ToArray();
        var ordinal = new Dictionary<(int, int), int>();
        var zones = new List<Zone>();
        scale = new Dictionary<string, double>();
        for (var i = 0; i < options.Zones; i++)
        {
            var p = provinceOf[i];
            var city = rng.Next(citiesIn[p]) + 1;
            var k = ordinal[(p, city)] = ordinal.GetValueOrDefault((p, city)) + 1;
            zones.Add(NewZone(rng, i, p, city, k));
            // A zone's size runs through all its amounts: big zones are big in investment and in revenue.
            scale[zones[^1].Id] = rng.LogNormal(1, 0.9);
        }
        return zones;
    }

    /// <summary>The i-th zone, the k-th of its city; national-level about 8.5% of the time, as 230 of ~2,700.</summary>
    private Zone NewZone(SyntheticRandom rng, int i, int province, int city, int k)
    {
        var (code, name, shortName) = SyntheticCatalogue.Provinces[province];
        var national = rng.Chance(0.085);
        var cityName = $"{shortName}{city:D2}市";
        var groups = new List<string>();
        if (national) groups.Add("national-etdz");
        groups.Add($"prov-{code}");
        groups.Add($"city-{code}-{city:D2}");
        return new Zone
        {
            Id = $"gz{i + 1:D5}", NameZh = $"{cityName}{(national ? "经济技术开发区" : "开发区")}{k}号",
            NameEn = $"Generated zone {i + 1} ({(national ? "national" : "provincial")})",
            Level = national ? ZoneLevel.National : ZoneLevel.Provincial, Province = name, City = cityName,
            Groups = groups,
            LandAreaMu = new Dictionary<string, decimal> { [(options.Start.Year - 1).ToString(Inv)] = Math.Round((decimal)rng.LogNormal(15000, 0.6)) },
            Illustrative = ["landAreaMu"],
        };
    }

    /// <summary>The groups with two members or more: national-level ETDZs, each province's, each city's.</summary>
    private static List<Group> Groups(List<Zone> zones, Dictionary<string, int> members)
    {
        var groupList = new List<Group>();
        if (members.ContainsKey("national-etdz"))
            groupList.Add(new Group { Id = "national-etdz", NameZh = "国家级经开区", NameEn = "National-level ETDZs (generated)" });
        foreach (var (code, name, _) in SyntheticCatalogue.Provinces)
            if (members.GetValueOrDefault($"prov-{code}") >= 2)
                groupList.Add(new Group { Id = $"prov-{code}", NameZh = $"{name}开发区", NameEn = $"Zones of province {code} (generated)" });
        foreach (var g in members.Where(m => m.Key.StartsWith("city-", StringComparison.Ordinal) && m.Value >= 2).Select(m => m.Key).Order(StringComparer.Ordinal))
        {
            var z = zones.First(z => z.Groups.Contains(g));
            groupList.Add(new Group { Id = g, NameZh = $"{z.City}开发区", NameEn = $"Zones of city {g[5..]} (generated)" });
        }
        return groupList;
    }

    /// <summary>The catalogue's first N indicators, and the 亩均 figures recompute derives from them.</summary>
    private List<Indicator> Indicators()
    {
        var indicators = new List<Indicator>();
        for (var i = 0; i < options.Indicators; i++)
        {
            var t = SyntheticCatalogue.IndicatorAt(i);
            indicators.Add(new Indicator { Code = t.Code, NameZh = t.NameZh, NameEn = t.NameEn, Unit = t.Unit, Kind = t.Kind, Direction = t.Direction });
        }
        // 亩均税收 is derived by recompute (PerMuCalculator) wherever tax revenue is generated.
        if (indicators.Any(i => i.Code == "tax_revenue"))
            indicators.Add(new Indicator
            {
                Code = "tax_per_mu", NameZh = "亩均税收", NameEn = "Tax revenue per mu", Unit = "万元/亩", Kind = IndicatorKind.Rate,
                Derived = new DerivedFormula("tax_revenue", "landArea", 10000m),
            });
        // 亩均投资强度 likewise from fixed-asset investment (the national scheme's 发展质量 reads it).
        if (indicators.Any(i => i.Code == "fixed_asset_investment"))
            indicators.Add(new Indicator
            {
                Code = "investment_per_mu", NameZh = "亩均投资强度", NameEn = "Fixed-asset investment per mu", Unit = "万元/亩", Kind = IndicatorKind.Rate,
                Derived = new DerivedFormula("fixed_asset_investment", "landArea", 10000m),
            });
        return indicators;
    }

    private static (double? Value, double? Yoy)[] CappedBy((double? Value, double? Yoy)[] part, (double? Value, double? Yoy)[] whole) =>
        part.Select((p, k) => p.Value is { } v && whole[k].Value is { } w && v > 0.9 * w ? (0.9 * w, p.Yoy) : p).ToArray();

    private static SyntheticCatalogue.Template? TemplateOf(Indicator ind) =>
        SyntheticCatalogue.Templates.FirstOrDefault(t => t.Code == ind.Code)
        ?? (ind.Code.StartsWith("synthetic_", StringComparison.Ordinal) ? SyntheticCatalogue.IndicatorAt(IndexOf(ind.Code)) : null);

    private double MedianOf(Indicator ind) =>
        SyntheticCatalogue.Templates.FirstOrDefault(t => t.Code == ind.Code)?.Median
        ?? (ind.Code.StartsWith("synthetic_", StringComparison.Ordinal) ? SyntheticCatalogue.IndicatorAt(IndexOf(ind.Code)).Median : 10);

    private static int IndexOf(string syntheticCode) => int.Parse(syntheticCode["synthetic_".Length..], Inv) + SyntheticCatalogue.Templates.Count - 1;

    /// <summary>One zone's values of one indicator over the months, with reported YoY where the bureau gives one.</summary>
    private (double? Value, double? Yoy)[] Series(SyntheticRandom rng, Indicator ind, double zoneScale, List<Period> months, List<int> years,
        out bool outlier, out Dictionary<int, double> annual)
    {
        var median = MedianOf(ind);
        var result = new (double?, double?)[months.Count];
        outlier = rng.Chance(options.OutlierRate);
        annual = new Dictionary<int, double>();
        switch (ind.Kind)
        {
            case IndicatorKind.Ytd or IndicatorKind.Month: FlowSeries(rng, ind, median * zoneScale, outlier, months, years, annual, result); break;
            case IndicatorKind.Stock: StockSeries(rng, median * Math.Sqrt(zoneScale), outlier, result); break;
            case IndicatorKind.Rate: RateSeries(rng, ind, median, outlier, result); break;
            default: ShareSeries(rng, median, result); break; // Share, 0–100
        }
        return result;
    }

    /// <summary>A flow (1-N月累计 or 当月): a year's amount growing year on year, spread over its months.</summary>
    private static void FlowSeries(SyntheticRandom rng, Indicator ind, double scaledMedian, bool outlier, List<Period> months, List<int> years,
        Dictionary<int, double> annual, (double? Value, double? Yoy)[] result)
    {
        var baseAnnual = rng.LogNormal(scaledMedian, 0.5) * (outlier ? rng.Uniform(20, 50) : 1);
        var growth = rng.Normal(0.06, 0.05);
        foreach (var y in years)
        {
            var a = baseAnnual * Math.Pow(1 + growth, y - years[0]);
            annual[y] = a;
            // Monthly weights: uneven, December heavy (year-end rush), summed they make the year.
            var w = Enumerable.Range(1, 12).Select(m => rng.Uniform(0.6, 1.4) * (m == 12 ? 1.6 : 1)).ToArray();
            var sum = w.Sum();
            double cumulative = 0;
            for (var m = 1; m <= 12; m++)
            {
                cumulative += w[m - 1];
                var k = months.FindIndex(p => p.Year == y && p.Month == m);
                if (k < 0) continue;
                var value = ind.Kind == IndicatorKind.Ytd ? a * cumulative / sum : a * w[m - 1] / sum;
                double? yoy = rng.Chance(0.9) ? Math.Round(Math.Clamp(rng.Normal(growth * 100, 6), -60, 150), 1) : null;
                result[k] = (value, yoy);
            }
        }
    }

    /// <summary>A stock (a count at month end) that only grows.</summary>
    private static void StockSeries(SyntheticRandom rng, double scaledMedian, bool outlier, (double? Value, double? Yoy)[] result)
    {
        var level = Math.Max(1, Math.Round(rng.LogNormal(scaledMedian, 0.6))) * (outlier ? 20 : 1);
        for (var k = 0; k < result.Length; k++)
        {
            level += rng.Next(3);
            result[k] = (level, null);
        }
    }

    /// <summary>A rate around a zone's centre; an outlier's first month far off.</summary>
    private static void RateSeries(SyntheticRandom rng, Indicator ind, double median, bool outlier, (double? Value, double? Yoy)[] result)
    {
        // Spread 4 (noise 2.5) for growth rates; intensities (能耗, 研发强度) have their own, smaller ones.
        var spread = TemplateOf(ind)?.Spread ?? 4;
        var centre = rng.Normal(median, spread);
        for (var k = 0; k < result.Length; k++)
        {
            var v = outlier && k == 0 ? (rng.Chance(0.5) ? 1 : -1) * rng.Uniform(30, 80) : rng.Normal(centre, spread * 0.625);
            result[k] = (Math.Round(v, spread < 1 ? 2 : 1), null);
        }
    }

    /// <summary>A share, 0–100, around a zone's centre.</summary>
    private static void ShareSeries(SyntheticRandom rng, double median, (double? Value, double? Yoy)[] result)
    {
        var centre = Math.Clamp(rng.Normal(median, 15), 2, 98);
        for (var k = 0; k < result.Length; k++)
            result[k] = (Math.Round(Math.Clamp(rng.Normal(centre, 2), 0.1, 99.9), 1), null);
    }

    private static string Format(double v, Indicator ind) =>
        ind.Unit is "家" or "个" or "件" or "人" ? Math.Round(v).ToString("0", Inv) : Math.Round(v, 2).ToString("0.##", Inv);

    /// <summary>A zone's annual targets: an amount, a growth rate, a level and a share, where it has such indicators.</summary>
    private static int Targets(SyntheticRandom rng, Zone zone, List<Indicator> indicators, List<int> years,
        Dictionary<string, Dictionary<int, double>> annual, Dictionary<string, double> lastLevel, StringBuilder csv)
    {
        var ytd = indicators.Where(i => i.Kind == IndicatorKind.Ytd).ToList();
        var stock = indicators.FirstOrDefault(i => i.Kind == IndicatorKind.Stock);
        var share = indicators.FirstOrDefault(i => i.Kind == IndicatorKind.Share);
        var n = 0;
        void Add(Indicator ind, int year, string kind, string value)
        {
            csv.Append(zone.Id).Append(',').Append(ind.Code).Append(',').Append(year.ToString(Inv)).Append(',').Append(kind).Append(',')
               .Append(value).Append(',').Append(kind == "growth" ? "%" : ind.Unit).Append(",generated\n");
            n++;
        }
        foreach (var y in years)
        {
            if (ytd.Count > 0 && annual[ytd[0].Code].TryGetValue(y, out var a))
                Add(ytd[0], y, "cumulative", Format(a * rng.Uniform(0.9, 1.25), ytd[0]));
            if (ytd.Count > 1) Add(ytd[1], y, "growth", rng.Uniform(5, 12).ToString("0.0", Inv));
            if (stock is not null && lastLevel.TryGetValue(stock.Code, out var level))
                Add(stock, y, "level", Math.Round(level * rng.Uniform(1.02, 1.15)).ToString("0", Inv));
            if (share is not null) Add(share, y, "share", rng.Uniform(40, 80).ToString("0.0", Inv));
        }
        return n;
    }
}
