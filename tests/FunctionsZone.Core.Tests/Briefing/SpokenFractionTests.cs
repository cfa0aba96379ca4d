using FunctionsZone.Core.Briefing;
using Xunit;

namespace FunctionsZone.Core.Tests.Briefing;

public sealed class SpokenFractionTests
{
    [Theory]
    // The speech: 亩均税收 3.58 vs 邹城 17.90 "仅为…的五分之一"; 亩均投资强度 16.91 vs 52 "不足…的三分之一".
    [InlineData(3.58, 17.90, "五分之一", SpokenFraction.Side.Exact)]
    [InlineData(16.91, 52, "三分之一", SpokenFraction.Side.Under)]
    [InlineData(1, 2, "二分之一", SpokenFraction.Side.Exact)]
    [InlineData(2, 3.02, "三分之二", SpokenFraction.Side.Exact)]
    [InlineData(6, 3, "二倍", SpokenFraction.Side.Exact)]
    public void A_ratio_is_said_as_the_nearest_simple_fraction(double mine, double theirs, string chinese, SpokenFraction.Side side)
    {
        var s = SpokenFraction.Of((decimal)mine / (decimal)theirs);
        Assert.Equal(chinese, SpokenFraction.Chinese(s));
        Assert.Equal(side, s.Side);
    }

    [Fact]
    public void English_says_the_same_fraction()
    {
        Assert.Equal("one fifth", SpokenFraction.English(SpokenFraction.Of(0.2m)));
        Assert.Equal("two thirds", SpokenFraction.English(SpokenFraction.Of(0.667m)));
        Assert.Equal("half", SpokenFraction.English(SpokenFraction.Of(0.5m)));
    }

    [Theory]
    [InlineData(9.39, "亿元", "9.39亿")]
    [InlineData(2474, "万美元", "2474万美元")]
    [InlineData(20.00, "亿元", "20亿")]
    [InlineData(69.670, "%", "69.67%")]
    public void Numbers_are_written_as_the_bureau_writes_them(double value, string unit, string expected) =>
        Assert.Equal(expected, BriefingNumber.WithUnit(BriefingTemplate.Load("zh"), (decimal)value, unit));

    [Fact]
    public void Both_built_in_templates_load_and_an_unknown_language_is_refused()
    {
        Assert.Equal("一、主要指标", BriefingTemplate.Load("zh").Heading("main"));
        Assert.Equal("1. Main indicators", BriefingTemplate.Load("en").Heading("main"));
        var e = Assert.Throws<FormatException>(() => BriefingTemplate.Load("fr"));
        Assert.Contains("zh", e.Message);
    }
}
