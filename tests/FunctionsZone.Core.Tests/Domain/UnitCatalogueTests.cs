using System.Text.RegularExpressions;
using FunctionsZone.Core.Briefing;
using FunctionsZone.Core.Domain;
using FunctionsZone.Core.Ingest;
using FunctionsZone.Core.Tests.Evaluation;

namespace FunctionsZone.Core.Tests.Domain;

/// <summary>
/// Issue 32 item 2: amounts scaled in the reader's language from one catalogue (seeds/i18n/catalogue.json, which the portal
/// build imports too) — 40亿元 is "4.0 billion yuan", not "40 100 million yuan"; grades, statuses and names in English.
/// </summary>
public sealed class UnitCatalogueTests
{
    private static readonly Regex Cjk = new(@"\p{IsCJKUnifiedIdeographs}");

    [Theory]
    [InlineData(40, "亿元", "40亿元", "4.0 billion yuan")]
    [InlineData(9.39, "亿元", "9.39亿元", "939 million yuan")]
    [InlineData(310, "亿元", "310亿元", "31.0 billion yuan")]
    [InlineData(2474, "万美元", "2474万美元", "US$24.74 million")]
    [InlineData(1.5, "亿美元", "1.5亿美元", "US$150 million")]
    [InlineData(16.91, "万元/亩", "16.91万元/亩", "169.1 thousand yuan per mu")]
    [InlineData(152, "万人", "152万人", "1.52 million people")]
    [InlineData(800, "元", "800元", "800 yuan")]
    [InlineData(110, "家", "110家", "110 firms")]
    [InlineData(1, "家", "1家", "1 firm")]
    [InlineData(3, "个", "3个", "3")]
    [InlineData(12, "件", "12件", "12 items")]
    [InlineData(9.5, "%", "9.5%", "9.5%")]
    [InlineData(1.5, "个百分点", "1.5个百分点", "1.5 pp")]
    public void A_figure_is_written_in_each_language_and_scaled_in_english(double value, string unit, string zh, string en)
    {
        Assert.Equal(zh, UnitCatalogue.Format((decimal)value, unit, "zh").ToString());
        Assert.Equal(en, UnitCatalogue.Format((decimal)value, unit, "en").ToString());
    }

    [Fact]
    public void Every_unit_of_the_catalogue_has_english_words_and_keeps_its_chinese()
    {
        Assert.All(UnitCatalogue.Known, unit =>
        {
            Assert.DoesNotMatch(Cjk, UnitCatalogue.Format(1234.5m, unit, "en").ToString());
            Assert.Equal($"1234.5{unit}", UnitCatalogue.Format(1234.5m, unit, "zh").ToString());
        });
        // Every unit an indicator of the registry is kept in is in the catalogue.
        Assert.All(SeedData.Registry.Indicators, i => Assert.Contains(i.Unit, UnitCatalogue.Known));
    }

    [Fact]
    public void The_briefing_writes_its_amounts_from_the_catalogue()
    {
        Assert.Equal("9.39亿", BriefingNumber.WithUnit(BriefingTemplate.Load("zh"), 9.39m, "亿元"));
        Assert.Equal("4.0 billion yuan", BriefingNumber.WithUnit(BriefingTemplate.Load("en"), 40m, "亿元"));
        Assert.Equal("US$24.74 million", BriefingNumber.WithUnit(BriefingTemplate.Load("en"), 2474m, "万美元"));
    }

    [Fact]
    public void Grades_statuses_and_names_without_english_have_english_words_or_the_marker()
    {
        Assert.Equal(("四等", "Grade 4", "Grade 2"), (UnitCatalogue.Grade("四等", "zh"), UnitCatalogue.Grade("四等", "en"), UnitCatalogue.Grade("二等", "en")));
        Assert.Equal(("慢于序时", "behind"), (UnitCatalogue.Status("behind", "zh"), UnitCatalogue.Status("behind", "en")));
        Assert.Equal("乖宝集团年底前上市 [zh]", UnitCatalogue.Name("乖宝集团年底前上市", "", "en"));
        Assert.Equal("Guaibao Group listed by year-end", UnitCatalogue.Name("乖宝集团年底前上市", "Guaibao Group listed by year-end", "en"));
        Assert.Equal("乖宝集团年底前上市", UnitCatalogue.Name("乖宝集团年底前上市", "", "zh"));
        Assert.True(UnitCatalogue.IsCount("个") && UnitCatalogue.IsCount("家") && !UnitCatalogue.IsCount("亿元"));
    }
}
