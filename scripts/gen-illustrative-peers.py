#!/usr/bin/env python3
"""Generates the ILLUSTRATIVE peer data of seeds/ (made-up numbers, see seeds/README.md "Illustrative peers").

Deterministic (fixed seed); re-running rewrites seeds/peers-observations.csv and appends the peer zones and the
evaluation indicators to zones.json / indicators.json if they are not there yet. Existing entries are never changed.
"""
import csv, json, math, os, random

ROOT = os.path.join(os.path.dirname(__file__), "..", "seeds")
rng = random.Random(20220601)

NEW_INDICATORS = [
    ("foreign_invested_firms", "外商投资企业", "Foreign-invested enterprises", "家", "stock", "higher"),
    ("foreign_trade_dependence", "外贸依存度", "Trade to GDP ratio", "%", "share", "higher"),
    ("foreign_tax_share", "外资企业税收占比", "Share of tax paid by foreign-invested firms", "%", "share", "higher"),
    ("rd_intensity", "研发经费投入强度", "R&D expenditure as % of GDP", "%", "rate", "higher"),
    ("rd_institutions", "省级及以上研发机构", "Provincial-or-above R&D institutions", "个", "stock", "higher"),
    ("high_tech_output_share", "高新技术产业产值占比", "High-tech share of industrial output", "%", "share", "higher"),
    ("rd_personnel", "研发人员", "R&D personnel", "人", "stock", "higher"),
    ("energy_per_va", "单位工业增加值能耗", "Energy per unit of industrial value added", "吨标准煤/万元", "rate", "lower"),
    ("co2_per_va", "单位工业增加值二氧化碳排放", "CO2 per unit of industrial value added", "吨/万元", "rate", "lower"),
    ("co2_growth", "二氧化碳排放增速", "Growth of CO2 emissions", "%", "rate", "lower"),
    ("water_per_va", "单位工业增加值用水量", "Water per unit of industrial value added", "立方米/万元", "rate", "lower"),
    ("solid_waste_use", "工业固体废物综合利用率", "Industrial solid waste utilisation rate", "%", "share", "higher"),
    ("new_urban_jobs", "城镇新增就业", "New urban jobs", "人", "ytd", "higher"),
    ("co_built_parks", "共建园区", "Co-built parks", "个", "stock", "higher"),
    ("gdp_share_of_city", "地区生产总值占所在城市比重", "Share of the city's GDP", "%", "share", "higher"),
    ("tax_share_of_city", "税收占所在城市比重", "Share of the city's tax revenue", "%", "share", "higher"),
    ("gdp", "地区生产总值", "Gross domestic product", "亿元", "ytd", "higher"),
    ("industrial_output", "规上工业总产值", "Output of above-size industry", "亿元", "ytd", "higher"),
    ("va_per_mu", "亩均增加值", "Value added per mu of land", "万元/亩", "rate", "higher"),
]

def lognormal(median, spread):
    return median * math.exp(rng.gauss(0, spread))

def national_profile(scale):
    """One made-up zone; scale ~1 is a median national ETDZ."""
    gdp = lognormal(420, 0.55) * scale
    return {
        "gdp": (round(gdp, 1), round(rng.uniform(3, 12), 1)),
        "fdi_utilised": (round(lognormal(26000, 0.9) * scale, 0), round(rng.uniform(-20, 60), 1)),
        "import_export": (round(gdp * rng.uniform(0.15, 1.1), 1), round(rng.uniform(-10, 45), 1)),
        "foreign_invested_firms": (round(lognormal(160, 0.6) * scale), None),
        "foreign_tax_share": (round(rng.uniform(5, 45), 1), None),
        "rd_intensity": (round(rng.uniform(1.2, 4.8), 2), None),
        "rd_institutions": (round(lognormal(45, 0.5) * scale), None),
        "high_tech_firms": (round(lognormal(150, 0.6) * scale), None),
        "high_tech_output_share": (round(rng.uniform(25, 70), 1), None),
        "invention_patents": (round(lognormal(900, 0.7) * scale), None),
        "rd_personnel": (round(lognormal(9000, 0.6) * scale), None),
        "energy_per_va": (round(rng.uniform(0.25, 1.1), 3), None),
        "co2_per_va": (round(rng.uniform(0.6, 2.8), 3), None),
        "co2_growth": (round(rng.uniform(-6, 8), 1), None),
        "water_per_va": (round(rng.uniform(4, 18), 2), None),
        "solid_waste_use": (round(rng.uniform(75, 99), 1), None),
        "new_urban_jobs": (round(lognormal(7000, 0.5) * scale), None),
        "co_built_parks": (rng.randint(0, 6), None),
        "gdp_share_of_city": (round(rng.uniform(6, 35), 1), None),
        "tax_share_of_city": (round(rng.uniform(6, 35), 1), None),
        "tax_revenue": (round(gdp * rng.uniform(0.08, 0.16), 2), None),
        "fixed_asset_investment": (round(gdp * rng.uniform(0.3, 0.7), 2), None),
        "industrial_output": (round(gdp * rng.uniform(1.6, 3.2), 1), None),
        "general_budget_revenue": (round(gdp * rng.uniform(0.05, 0.1), 2), None),
        "manufacturing_firms": (round(lognormal(320, 0.5) * scale), None),
        "va_per_mu": (round(rng.uniform(60, 260), 1), None),
        "top_ten_industry_share": (round(rng.uniform(60, 95), 1), None),
        "industrial_concentration": (round(rng.uniform(45, 85), 1), None),
    }

NATIONAL_KEYS = ["gdp", "fdi_utilised", "import_export", "foreign_invested_firms", "foreign_tax_share", "rd_intensity",
                 "rd_institutions", "high_tech_firms", "high_tech_output_share", "invention_patents", "rd_personnel",
                 "energy_per_va", "co2_per_va", "co2_growth", "water_per_va", "solid_waste_use", "new_urban_jobs",
                 "co_built_parks", "gdp_share_of_city", "tax_share_of_city", "tax_revenue", "fixed_asset_investment",
                 "industrial_output", "general_budget_revenue", "manufacturing_firms"]
PROVINCIAL_KEYS = ["tax_revenue", "fixed_asset_investment", "va_per_mu", "fdi_utilised", "import_export",
                   "foreign_invested_firms", "rd_intensity", "high_tech_firms", "high_tech_output_share",
                   "top_ten_industry_share", "industrial_concentration", "manufacturing_firms"]

UNITS = {code: unit for code, _, _, unit, _, _ in NEW_INDICATORS}
UNITS.update({"fdi_utilised": "万美元", "import_export": "亿元", "high_tech_firms": "家", "invention_patents": "件",
              "tax_revenue": "亿元", "fixed_asset_investment": "亿元", "general_budget_revenue": "亿元",
              "manufacturing_firms": "家", "top_ten_industry_share": "%", "industrial_concentration": "%"})

# lc-etdz's own illustrative 2021 figures on the scheme indicators the speech does not state, chosen so that the
# national scheme places it near the middle (official 2021: 116 of 217) and the provincial one near the bottom
# (143 of 160). Its stated figures (FDI 5385.74, trade 69.85, tax 21.48, FAI 101.46, 高企 38, 专利 212) stay.
LC_ETDZ = {
    "gdp": (248.6, 7.9), "foreign_invested_firms": (41, None), "foreign_trade_dependence": (28.1, None),
    "foreign_tax_share": (14.2, None), "rd_intensity": (2.6, None), "rd_institutions": (31, None),
    "high_tech_output_share": (41.5, None), "rd_personnel": (5200, None), "energy_per_va": (0.38, None),
    "co2_per_va": (0.92, None), "co2_growth": (-2.5, None), "water_per_va": (5.8, None), "solid_waste_use": (96.5, None),
    "new_urban_jobs": (8200, None), "co_built_parks": (4, None), "gdp_share_of_city": (12.5, None),
    "tax_share_of_city": (10.1, None), "industrial_output": (702.4, None), "general_budget_revenue": (19.6, None),
    "manufacturing_firms": (102, None), "va_per_mu": (52.3, None), "top_ten_industry_share": (66.0, None),
    "industrial_concentration": (47.5, None),
}

def main():
    zones_path, ind_path = os.path.join(ROOT, "zones.json"), os.path.join(ROOT, "indicators.json")
    zones, indicators = json.load(open(zones_path, encoding="utf-8")), json.load(open(ind_path, encoding="utf-8"))
    have_ind = {i["code"] for i in indicators}
    for code, zh, en, unit, kind, direction in NEW_INDICATORS:
        if code not in have_ind:
            indicators.append({"code": code, "nameZh": zh, "nameEn": en, "unit": unit, "kind": kind, "direction": direction, "aliases": []})
    existing = {(r["zone"], r["indicator"], r["period"]) for r in csv.DictReader(open(os.path.join(ROOT, "observations.csv"), encoding="utf-8"))}
    rows = []

    def add(zone, code, value, yoy):
        if (zone, code, "2021") in existing:
            return
        rows.append([zone, code, "2021", value, UNITS[code], "" if yoy is None else yoy, "illustrative"])

    have_zone = {z["id"] for z in zones}
    def peer(zid, zh, en, level, groups, land):
        if zid not in have_zone:
            zones.append({"id": zid, "nameZh": zh, "nameEn": en, "level": level, "province": None, "city": None, "parent": None,
                          "groups": groups, "landAreaMu": {"2021": land},
                          "illustrative": ["nameZh", "nameEn", "landAreaMu"], "nameAliases": []})

    for n in range(1, 28):
        zid = f"nat-peer-{n:02d}"
        p = national_profile(rng.uniform(0.5, 1.8))
        land = round(lognormal(120000, 0.4), -2)
        peer(zid, f"示例国家级经开区{n:02d}", f"Illustrative national ETDZ {n:02d}", "national", ["national-etdz"], land)
        p["foreign_trade_dependence"] = (round(p["import_export"][0] / p["gdp"][0] * 100, 1), None)
        for k in NATIONAL_KEYS + ["foreign_trade_dependence"]:
            add(zid, k, *p[k])
    for n in range(1, 25):
        zid = f"prov-peer-{n:02d}"
        p = national_profile(rng.uniform(0.15, 0.6))
        land = round(lognormal(30000, 0.4), -2)
        peer(zid, f"示例山东省级开发区{n:02d}", f"Illustrative Shandong provincial zone {n:02d}", "provincial", ["shandong-zones"], land)
        p["va_per_mu"] = (round(p["gdp"][0] * 0.6 * 10000 / land, 1), None)
        for k in PROVINCIAL_KEYS:
            add(zid, k, *p[k])
    # The four seed zones already in the groups get the indicators they lack (never a stated figure).
    for k, v in LC_ETDZ.items():
        add("lc-etdz", k, *v)
    for zid, scale in (("zouping-etdz", 1.3), ("yantai-etdz", 3.5), ("zoucheng-edz", 0.9)):
        p = national_profile(scale)
        p["foreign_trade_dependence"] = (round(p["import_export"][0] / p["gdp"][0] * 100, 1), None)
        keys = NATIONAL_KEYS + ["foreign_trade_dependence", "va_per_mu", "top_ten_industry_share", "industrial_concentration"]
        if zid == "zoucheng-edz":
            keys = PROVINCIAL_KEYS
        for k in keys:
            add(zid, k, *p[k])

    with open(os.path.join(ROOT, "peers-observations.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["zone", "indicator", "period", "value", "unit", "yoy", "source"])
        for r in rows:
            w.writerow([x if not isinstance(x, float) or not x.is_integer() else (int(x) if r[1] not in ("gdp",) else x) for x in r])
    for path, data in ((zones_path, zones), (ind_path, indicators)):
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    print(f"{len(rows)} rows, {len(zones)} zones, {len(indicators)} indicators")

if __name__ == "__main__":
    main()
