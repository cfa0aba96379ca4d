using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Registry;

namespace FunctionsZone.Core.Tests;

/// <summary>A small registry for unit tests: a city with four units and its own reference figure.</summary>
public static class TestRegistry
{
    public static ZoneRegistry Create() => new(
        [
            new Zone { Id = "city", NameZh = "某市", Level = ZoneLevel.City },
            new Zone { Id = "a", NameZh = "甲区", Groups = ["g"], LandAreaMu = new Dictionary<string, decimal> { ["2021"] = 60000m }, NameAliases = ["甲"] },
            new Zone { Id = "b", NameZh = "乙县", Groups = ["g"] },
            new Zone { Id = "c", NameZh = "丙县", Groups = ["g"] },
            new Zone { Id = "d", NameZh = "丁开发区", Groups = ["g"] },
        ],
        [new Group { Id = "g", NameZh = "某市", Reference = "city" }],
        [
            new Indicator { Code = "revenue", NameZh = "一般公共预算收入", Unit = "亿元", Kind = IndicatorKind.Ytd },
            new Indicator { Code = "share", NameZh = "民间投资占比", Unit = "%", Kind = IndicatorKind.Share },
            new Indicator { Code = "energy", NameZh = "单位能耗", Unit = "吨标准煤/万元", Kind = IndicatorKind.Rate, Direction = Direction.Lower },
            new Indicator { Code = "fdi", NameZh = "实际利用外资", Unit = "万美元", Kind = IndicatorKind.Ytd, Aliases = ["实际使用外资"] },
            new Indicator { Code = "tax", NameZh = "税收收入", Unit = "亿元", Kind = IndicatorKind.Ytd },
            new Indicator { Code = "tax_per_mu", NameZh = "亩均税收", Unit = "万元/亩", Kind = IndicatorKind.Rate, Derived = new DerivedFormula("tax", "landArea", 10000m) },
        ]);

    public static Observation Obs(string zone, string indicator, string period, decimal? value, decimal? yoy = null) =>
        new() { Zone = zone, Indicator = indicator, Period = Period.Parse(period), Value = value, Yoy = yoy };
}
