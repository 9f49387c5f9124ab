using System.Globalization;

namespace Appeals.Web.Formatting;

/// <summary>How amounts, dates and codes read on the pages (the app runs with invariant globalization).</summary>
public static class Display
{
    public static string Money(decimal amount) =>
        (amount < 0 ? "-$" : "$") + Math.Abs(amount).ToString("N2", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>"authorization_referral" reads as "authorization referral".</summary>
    public static string Words(string code) => code.Replace('_', ' ');
}
