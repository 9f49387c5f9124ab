using System.Globalization;

namespace Appeals.Core.Formatting;

/// <summary>
/// Money as people read it, the same on every page, command, chart, explanation and letter: US dollars, "$1,234.56".
/// The hosts run with invariant globalization (there is no en-US culture to ask), so the signs are written here by hand:
/// "-$5.00", never "$-5.00". Not for what a machine reads: the 835 writer and the CSV/XLSX exports write plain numbers.
/// Call sites that had a <c>Money</c> of their own import this class (<c>using static</c>) and keep their calls.
/// </summary>
public static class MoneyFormat
{
    /// <summary>"$1,234.56", "-$5.00": cents always shown.</summary>
    public static string Money(decimal amount) =>
        (amount < 0 ? "-$" : "$") + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>"$1,235": whole dollars (half away from zero), for tables of large totals where cents are noise.</summary>
    public static string WholeDollars(decimal amount) =>
        (amount < 0 ? "-$" : "$") + Math.Abs(amount).ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>"$950", "$12K", "$3.4M": short enough for a chart's axis.</summary>
    public static string ShortMoney(double amount)
    {
        var abs = Math.Abs(amount);
        var text = abs switch
        {
            >= 1_000_000_000 => (abs / 1_000_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "B",
            >= 1_000_000 => (abs / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M",
            >= 1_000 => (abs / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "K",
            _ => abs.ToString("0", CultureInfo.InvariantCulture),
        };
        return (amount < 0 ? "-$" : "$") + text;
    }
}
