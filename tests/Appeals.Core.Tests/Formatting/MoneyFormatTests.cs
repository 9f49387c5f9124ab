using Appeals.Core.Formatting;

namespace Appeals.Core.Tests.Formatting;

/// <summary>The one way money reads on pages, commands, charts, explanations and letters.</summary>
public class MoneyFormatTests
{
    [Theory]
    [InlineData("0", "$0.00")]
    [InlineData("5", "$5.00")]
    [InlineData("1234.56", "$1,234.56")]
    [InlineData("1234567.891", "$1,234,567.89")]
    [InlineData("0.005", "$0.01")]
    [InlineData("-5", "-$5.00")]
    [InlineData("-1234.5", "-$1,234.50")]
    public void Money_IsUsDollarsWithCents_AndTheMinusBeforeTheDollarSign(string amount, string expected) =>
        Assert.Equal(expected, MoneyFormat.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("1234.49", "$1,234")]
    [InlineData("1234.5", "$1,235")]
    [InlineData("-1234.5", "-$1,235")]
    [InlineData("0", "$0")]
    public void WholeDollars_RoundsHalfAwayFromZero(string amount, string expected) =>
        Assert.Equal(expected, MoneyFormat.WholeDollars(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(950, "$950")]
    [InlineData(12_345, "$12.3K")]
    [InlineData(3_400_000, "$3.4M")]
    [InlineData(2_000_000_000, "$2B")]
    [InlineData(-3_400_000, "-$3.4M")]
    public void ShortMoney_FitsAnAxis(double amount, string expected) => Assert.Equal(expected, MoneyFormat.ShortMoney(amount));
}
