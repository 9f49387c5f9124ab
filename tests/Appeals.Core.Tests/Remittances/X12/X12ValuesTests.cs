using System.Text;
using Appeals.Core.Remittances.X12;

namespace Appeals.Core.Tests.Remittances.X12;

public class X12ValuesTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("1922.86", "1922.86")]
    [InlineData("-1710.44", "-1710.44")]
    [InlineData("-.5", "-0.5")]
    [InlineData(".27", "0.27")]
    [InlineData("5.", "5")]
    [InlineData("-0", "0")]
    [InlineData("+5", "5")]
    [InlineData("123456789012345678901.5", "123456789012345678901.5")]
    public void TryDecimal_X12Amounts_ParseExactly(string text, string expected)
    {
        Assert.True(X12Values.TryDecimal(Encoding.ASCII.GetBytes(text), out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount);
        Assert.False(amount == 0 && decimal.IsNegative(amount), "negative zero");
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1O.5")]
    [InlineData("1.2.3")]
    [InlineData("12-")]
    public void TryDecimal_Garbage_IsRefused(string text) =>
        Assert.False(X12Values.TryDecimal(Encoding.ASCII.GetBytes(text), out _));

    [Theory]
    [InlineData("20240229", true)]
    [InlineData("20230229", false)]
    [InlineData("20002316", false)]
    [InlineData("2024013", false)]
    [InlineData("2024O101", false)]
    public void TryDate_ReadsOnlyRealCalendarDates(string text, bool valid) =>
        Assert.Equal(valid, X12Values.TryDate(Encoding.ASCII.GetBytes(text), out _));
}
