using FunctionsZone.Core.Domain;

namespace FunctionsZone.Core.Tests.Domain;

public class PeriodTests
{
    [Theory]
    [InlineData("2022-05", 2022, 5)]
    [InlineData("2022-5", 2022, 5)]
    [InlineData("2022/05", 2022, 5)]
    [InlineData("2022年5月", 2022, 5)]
    [InlineData("202205", 2022, 5)]
    [InlineData(" 2022-12 ", 2022, 12)]
    public void Months_are_read_as_users_write_them(string text, int year, int month)
    {
        Assert.True(Period.TryParse(text, out var p));
        Assert.Equal(Period.OfMonth(year, month), p);
        Assert.Equal($"{year:D4}-{month:D2}", p.ToString());
    }

    [Theory]
    [InlineData("2021")]
    [InlineData("2021年")]
    public void Years_are_periods_too(string text)
    {
        Assert.True(Period.TryParse(text, out var p));
        Assert.False(p.IsMonth);
        Assert.Equal("2021", p.ToString());
    }

    [Theory]
    [InlineData("2022-13")]
    [InlineData("2022-00")]
    [InlineData("May 2022")]
    [InlineData("")]
    [InlineData(null)]
    public void Nonsense_is_refused(string? text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void Parse_explains_in_both_languages()
    {
        var e = Assert.Throws<FormatException>(() => Period.Parse("2022-13"));
        Assert.Contains("期间格式错误", e.Message);
        Assert.Contains("Bad period", e.Message);
    }

    [Fact]
    public void Previous_and_year_before()
    {
        Assert.Equal("2021-12", Period.Parse("2022-01").Previous().ToString());
        Assert.Equal("2022-04", Period.Parse("2022-05").Previous().ToString());
        Assert.Equal("2021-05", Period.Parse("2022-05").YearBefore().ToString());
        Assert.Equal("2020", Period.Parse("2021").Previous().ToString());
    }

    [Fact]
    public void A_year_sorts_after_its_months()
    {
        Assert.True(Period.Parse("2021") > Period.Parse("2021-12"));
        Assert.True(Period.Parse("2021") < Period.Parse("2022-01"));
    }
}
