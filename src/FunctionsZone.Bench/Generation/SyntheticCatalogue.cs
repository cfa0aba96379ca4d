using FunctionsZone.Core.Domain;

namespace FunctionsZone.Bench.Generation;

/// <summary>
/// The indicator templates and place names the generator draws from. The first indicators are the seed's
/// (same codes, names, units and kinds), so generated files read like the bureau's; past those, numbered
/// synthetic indicators cycle through the kinds.
/// </summary>
public static class SyntheticCatalogue
{
    /// <summary>Spread: the standard deviation of a rate's zone centre (its month-to-month noise is 0.625 × it).</summary>
    public sealed record Template(string Code, string NameZh, string NameEn, string Unit, IndicatorKind Kind, double Median,
        Direction Direction = Direction.Higher, double Spread = 4);

    public static readonly IReadOnlyList<Template> Templates =
    [
        new("industrial_va_growth", "规上工业增加值增速", "Value added of above-size industry, YoY growth (YTD)", "%", IndicatorKind.Rate, 6),
        new("fixed_asset_investment", "固定资产投资", "Fixed-asset investment (YTD)", "亿元", IndicatorKind.Ytd, 60),
        new("private_investment_share", "民间投资占比", "Private investment, share of fixed-asset investment", "%", IndicatorKind.Share, 55),
        new("tech_renovation_investment", "制造业技改投资", "Manufacturing technical-renovation investment (YTD)", "亿元", IndicatorKind.Ytd, 12),
        new("tech_renovation_investment_month", "制造业技改投资（当月）", "Manufacturing technical-renovation investment (single month)", "亿元", IndicatorKind.Month, 12),
        new("general_budget_revenue", "一般公共预算收入", "General public budget revenue (YTD)", "亿元", IndicatorKind.Ytd, 8),
        new("fdi_utilised", "实际使用外资", "Actually utilised FDI (YTD)", "万美元", IndicatorKind.Ytd, 3000),
        new("import_export", "进出口总额", "Total imports and exports (YTD)", "亿元", IndicatorKind.Ytd, 40),
        new("retail_sales", "限额以上零售额", "Retail sales above the quota (YTD)", "亿元", IndicatorKind.Ytd, 15),
        new("tax_revenue", "税收收入", "Tax revenue (YTD)", "亿元", IndicatorKind.Ytd, 10),
        new("manufacturing_firms", "规上制造业企业数", "Above-size manufacturing firms", "家", IndicatorKind.Stock, 90),
        new("manufacturing_revenue", "规上制造业营业收入", "Above-size manufacturing revenue (YTD)", "亿元", IndicatorKind.Ytd, 250),
        new("new_high_tech_firms", "新增高新技术企业", "New high-tech enterprises (YTD)", "家", IndicatorKind.Ytd, 15),
        new("projects_1yi", "过亿元项目", "Projects of 100 million yuan or more (YTD)", "个", IndicatorKind.Ytd, 12),
        new("domestic_capital", "内资到位", "Domestic capital arrived (YTD)", "亿元", IndicatorKind.Ytd, 30),
        new("high_tech_firms", "高新技术企业", "High-tech enterprises", "家", IndicatorKind.Stock, 60),
        new("invention_patents", "有效发明专利", "Valid invention patents", "件", IndicatorKind.Stock, 300),
        new("top_ten_industry_share", "十强产业占比", "Share of the ten leading industries", "%", IndicatorKind.Share, 60),
        new("industrial_concentration", "产业集聚度", "Industrial concentration", "%", IndicatorKind.Share, 45),
        // The rest of the national scheme's indicators (seeds/schemes/national.json), so the 国家级经开区综合发展水平考核评价
        // evaluates on generated data, as recompute does on the real one (with 60 indicators all are present).
        new("foreign_invested_firms", "外商投资企业", "Foreign-invested enterprises", "家", IndicatorKind.Stock, 40),
        new("foreign_trade_dependence", "外贸依存度", "Trade to GDP ratio", "%", IndicatorKind.Rate, 35, Spread: 10),
        new("foreign_tax_share", "外资企业税收占比", "Share of tax paid by foreign-invested firms", "%", IndicatorKind.Share, 20),
        new("rd_intensity", "研发经费投入强度", "R&D expenditure as % of GDP", "%", IndicatorKind.Rate, 2.5, Spread: 0.8),
        new("rd_institutions", "省级及以上研发机构", "Provincial-or-above R&D institutions", "个", IndicatorKind.Stock, 25),
        new("high_tech_output_share", "高新技术产业产值占比", "High-tech share of industrial output", "%", IndicatorKind.Share, 45),
        new("rd_personnel", "研发人员", "R&D personnel", "人", IndicatorKind.Stock, 3000),
        new("energy_per_va", "单位工业增加值能耗", "Energy per unit of industrial value added", "吨标准煤/万元", IndicatorKind.Rate, 0.45, Direction.Lower, 0.1),
        new("co2_per_va", "单位工业增加值二氧化碳排放", "CO2 per unit of industrial value added", "吨/万元", IndicatorKind.Rate, 1.1, Direction.Lower, 0.25),
        new("co2_growth", "二氧化碳排放增速", "Growth of CO2 emissions", "%", IndicatorKind.Rate, 3, Direction.Lower),
        new("water_per_va", "单位工业增加值用水量", "Water per unit of industrial value added", "立方米/万元", IndicatorKind.Rate, 12, Direction.Lower, 3),
        new("solid_waste_use", "工业固体废物综合利用率", "Industrial solid waste utilisation rate", "%", IndicatorKind.Share, 85),
        new("new_urban_jobs", "城镇新增就业", "New urban jobs (YTD)", "人", IndicatorKind.Ytd, 4000),
        new("co_built_parks", "共建园区", "Co-built parks", "个", IndicatorKind.Stock, 3),
        new("gdp_share_of_city", "地区生产总值占所在城市比重", "Share of the city's GDP", "%", IndicatorKind.Share, 25),
        new("tax_share_of_city", "税收占所在城市比重", "Share of the city's tax revenue", "%", IndicatorKind.Share, 20),
        new("gdp", "地区生产总值", "Gross domestic product (YTD)", "亿元", IndicatorKind.Ytd, 300),
        new("industrial_output", "规上工业总产值", "Output of above-size industry (YTD)", "亿元", IndicatorKind.Ytd, 500),
    ];

    private static readonly (IndicatorKind Kind, string Unit, double Median)[] Cycle =
    [
        (IndicatorKind.Ytd, "亿元", 20), (IndicatorKind.Stock, "家", 50), (IndicatorKind.Rate, "%", 6),
        (IndicatorKind.Ytd, "万元", 5000), (IndicatorKind.Share, "%", 40), (IndicatorKind.Month, "亿元", 3),
    ];

    /// <summary>The i-th indicator (0-based) of a generated registry.</summary>
    public static Template IndicatorAt(int i)
    {
        if (i < Templates.Count) return Templates[i];
        var n = i - Templates.Count + 1;
        var (kind, unit, median) = Cycle[n % Cycle.Length];
        var what = kind switch
        {
            IndicatorKind.Ytd => "累计", IndicatorKind.Month => "当月", IndicatorKind.Stock => "存量",
            IndicatorKind.Rate => "增速", _ => "占比",
        };
        return new Template($"synthetic_{n:D3}", $"合成指标{n:D3}（{what}）", $"Synthetic indicator {n:D3} ({kind.ToString().ToLowerInvariant()})", unit, kind, median);
    }

    /// <summary>The 31 provincial-level divisions of the mainland, with a short name for zone names.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Short)> Provinces =
    [
        ("11", "北京市", "京"), ("12", "天津市", "津"), ("13", "河北省", "冀"), ("14", "山西省", "晋"), ("15", "内蒙古自治区", "蒙"),
        ("21", "辽宁省", "辽"), ("22", "吉林省", "吉"), ("23", "黑龙江省", "黑"), ("31", "上海市", "沪"), ("32", "江苏省", "苏"),
        ("33", "浙江省", "浙"), ("34", "安徽省", "皖"), ("35", "福建省", "闽"), ("36", "江西省", "赣"), ("37", "山东省", "鲁"),
        ("41", "河南省", "豫"), ("42", "湖北省", "鄂"), ("43", "湖南省", "湘"), ("44", "广东省", "粤"), ("45", "广西壮族自治区", "桂"),
        ("46", "海南省", "琼"), ("50", "重庆市", "渝"), ("51", "四川省", "川"), ("52", "贵州省", "黔"), ("53", "云南省", "滇"),
        ("54", "西藏自治区", "藏"), ("61", "陕西省", "陕"), ("62", "甘肃省", "甘"), ("63", "青海省", "青"), ("64", "宁夏回族自治区", "宁"),
        ("65", "新疆维吾尔自治区", "新"),
    ];

    // Zones are not spread evenly: coastal and central provinces have many more (江苏, 山东, 浙江, 广东 …).
    public static readonly IReadOnlyList<double> ProvinceWeights =
    [
        2, 2, 5, 3, 3, 4, 3, 3, 2, 8, 7, 5, 4, 4, 8, 6, 5, 5, 6, 3, 1, 2, 5, 3, 3, 1, 3, 2, 1, 1, 2,
    ];
}
